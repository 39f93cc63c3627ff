package dev.newsharvester.export;

import java.io.Closeable;
import java.io.IOException;

/** Where exported rows go, one at a time as they are read; {@link #close()} finishes the file (and closes its stream). */
public interface RowSink extends Closeable {

    /** Writes one row: a value per column, in {@link ExportColumns#all()} order, null where empty. */
    void write(Object[] row) throws IOException;
}
