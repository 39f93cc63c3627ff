/**
 * A small Apache Parquet writer without Hadoop (parquet-hadoop brings Hadoop's jars, too heavy for the Lambda
 * artifact): {@link dev.newsharvester.export.parquet.ParquetWriter} writes a flat schema of optional UTF8, INT32,
 * INT64, BOOLEAN and TIMESTAMP(MILLIS) columns, PLAIN values, definition levels in the RLE/bit-packed hybrid, one data
 * page per column chunk, row groups flushed at a size bound, pages uncompressed or GZIP, and the Thrift compact-protocol
 * footer. Tests read its files back with an independent reader (DuckDB).
 *
 * <p>Depends on nothing of the project.
 */
package dev.newsharvester.export.parquet;
