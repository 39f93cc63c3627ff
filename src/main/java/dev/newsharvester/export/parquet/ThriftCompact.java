package dev.newsharvester.export.parquet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Thrift's compact protocol, the writing half, as much as Parquet's page headers and footer need: structs with field-id
 * deltas, i32/i64 as zigzag varints, strings, booleans in the field type, lists.
 */
final class ThriftCompact {

    static final int BOOL_TRUE = 1, BOOL_FALSE = 2, I32 = 5, I64 = 6, BINARY = 8, LIST = 9, STRUCT = 12;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Deque<Integer> outer = new ArrayDeque<>();
    private int lastField;

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Starts a struct: the top-level one, a list element, or after {@link #structField}. */
    ThriftCompact begin() {
        outer.push(lastField);
        lastField = 0;
        return this;
    }

    ThriftCompact end() {
        out.write(0); // STOP
        lastField = outer.pop();
        return this;
    }

    /** A struct-valued field; write its fields, then {@link #end()}. */
    ThriftCompact structField(int id) {
        field(id, STRUCT);
        return begin();
    }

    ThriftCompact i32(int id, int v) {
        field(id, I32);
        varint(zigzag(v));
        return this;
    }

    ThriftCompact i64(int id, long v) {
        field(id, I64);
        varint(zigzag(v));
        return this;
    }

    ThriftCompact string(int id, String s) {
        field(id, BINARY);
        string(s);
        return this;
    }

    ThriftCompact bool(int id, boolean v) {
        field(id, v ? BOOL_TRUE : BOOL_FALSE);
        return this;
    }

    /** A list-valued field's header; then write {@code size} elements ({@link #i32Element}, {@link #string(String)}, structs). */
    ThriftCompact list(int id, int elementType, int size) {
        field(id, LIST);
        if (size < 15) {
            out.write(size << 4 | elementType);
        } else {
            out.write(0xF0 | elementType);
            varint(size);
        }
        return this;
    }

    ThriftCompact i32Element(int v) {
        varint(zigzag(v));
        return this;
    }

    ThriftCompact string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        out.writeBytes(b);
        return this;
    }

    private void field(int id, int type) {
        int delta = id - lastField;
        if (delta > 0 && delta <= 15) {
            out.write(delta << 4 | type);
        } else {
            out.write(type);
            varint(zigzag(id)); // an i16, zigzag varint like the others
        }
        lastField = id;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
