package dev.newsharvester.export;

import dev.newsharvester.export.parquet.ParquetColumn;
import dev.newsharvester.export.parquet.ParquetWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Parquet rows: strings UTF8, numbers INT32, timestamps TIMESTAMP(MILLIS, UTC), lists joined into one UTF8 value. */
final class ParquetSink implements RowSink {

    private final ParquetWriter writer;

    ParquetSink(OutputStream out, List<Column> columns) throws IOException {
        this.writer = new ParquetWriter(out, columns.stream().map(ParquetSink::column).toList());
    }

    private static ParquetColumn column(Column c) {
        return new ParquetColumn(c.name(), switch (c.type()) {
            case STRING, STRINGS -> ParquetColumn.Kind.UTF8;
            case INT -> ParquetColumn.Kind.INT32;
            case BOOLEAN -> ParquetColumn.Kind.BOOLEAN;
            case TIMESTAMP -> ParquetColumn.Kind.TIMESTAMP_MILLIS;
        });
    }

    @Override
    public void write(Object[] row) throws IOException {
        Object[] values = row.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof List<?>) {
                values[i] = CsvSink.text(values[i]);
            }
        }
        writer.write(values);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
