package dev.newsharvester.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * CSV as RFC 4180 has it: a header row, CRLF after every record, a field quoted when it holds a comma, a quote, CR or
 * LF (quotes doubled inside), so article bodies with their newlines stay one field. UTF-8; lists joined with
 * {@value ExportColumns#LIST_SEPARATOR}; empty values are empty fields.
 */
final class CsvSink implements RowSink {

    private final Writer out;

    CsvSink(OutputStream stream, List<Column> columns) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        record(columns.stream().map(Column::name).toArray());
    }

    @Override
    public void write(Object[] row) throws IOException {
        record(row);
    }

    private void record(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            field(text(values[i]));
        }
        out.write("\r\n");
    }

    /** A value as CSV text: lists joined, instants ISO-8601 UTC. */
    static String text(Object v) {
        return switch (v) {
            case null -> "";
            case List<?> list -> String.join(ExportColumns.LIST_SEPARATOR, list.stream().map(String::valueOf).toList());
            case Instant t -> t.toString();
            default -> v.toString();
        };
    }

    private void field(String s) throws IOException {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        if (!quote) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
