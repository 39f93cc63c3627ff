/**
 * The archive and its index, each stored format owned by one class in both directions: {@link Archive} (S3 raw and
 * clean copies, written once with {@code If-None-Match}), {@link CleanCopy} (the clean-copy JSON),
 * {@link RawMetadata}, {@link ArticleIndex} (DynamoDB items and their {@link IndexSchema}; a version's item is
 * {@link VersionItem}'s, lifecycle entries are {@link HistoryEvent}s), {@link DueIndex} (URLs due a revisit),
 * {@link ChangeLog} (the change events), {@link HealthCounters}, and the clients ({@link AwsClients}).
 *
 * <p>A {@link StoredVersion} is composed of small immutable parts read and written together: {@link VersionId} (key,
 * body hash, outlet), {@link LastVisit} (what a re-fetch updates), {@link ReaderFacts}, {@link Copies} and
 * {@link TextSketch}.
 *
 * <p>Every DynamoDB access is a GetItem or Query, never a Scan. Uses {@code fingerprint} and {@code extract}'s
 * values only.
 */
package dev.newsharvester.store;
