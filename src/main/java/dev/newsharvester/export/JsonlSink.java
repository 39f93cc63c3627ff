package dev.newsharvester.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/** JSON Lines: one UTF-8 JSON object per row and line, every column present (null where empty), lists as arrays. */
final class JsonlSink implements RowSink {

    private final JsonGenerator json;
    private final List<Column> columns;

    JsonlSink(OutputStream out, List<Column> columns) throws IOException {
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        this.columns = List.copyOf(columns);
    }

    @Override
    public void write(Object[] row) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
            json.writeFieldName(columns.get(i).name());
            Object v = row[i];
            switch (v) {
                case null -> json.writeNull();
                case String s -> json.writeString(s);
                case Integer n -> json.writeNumber(n);
                case Boolean b -> json.writeBoolean(b);
                case Instant t -> json.writeString(t.toString());
                case List<?> list -> {
                    json.writeStartArray();
                    for (Object o : list) {
                        json.writeString(String.valueOf(o));
                    }
                    json.writeEndArray();
                }
                default -> throw new IllegalArgumentException("column " + columns.get(i).name() + ": unexpected "
                        + v.getClass().getSimpleName());
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
