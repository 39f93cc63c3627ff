/**
 * The one place where the flow is written. {@link Harvester} runs outlets (discover, fetch, extract, fingerprint,
 * store) inline or through a task queue ({@link TaskDispatcher}); {@link ArticleProcessor} handles one article and
 * returns an explicit {@link ArticleOutcome} (NEW, REVISED, UNCHANGED, DUPLICATE, DELETED, REDIRECTED, RESTORED,
 * SKIPPED, FAILED with a reason); {@link VersionWriter} writes the copies then the index item; {@link Lifecycle}
 * and {@link Revisions} decide what changed; {@link Revisits} and {@link RevisitPolicy} bring URLs back on a
 * decaying schedule; {@link FleetWorker} and {@link Planner} are the fleet's two roles; {@link Reprocessor}
 * re-extracts the archive after an extractor upgrade.
 *
 * <p>Configuration is one typed {@link Settings} read once; {@link Wiring} builds the parts from it. Uses
 * {@code fetch}, {@code discover}, {@code extract}, {@code fingerprint}, {@code store}, {@code fleet},
 * {@code change} and {@code outlet}.
 */
package dev.newsharvester.pipeline;
