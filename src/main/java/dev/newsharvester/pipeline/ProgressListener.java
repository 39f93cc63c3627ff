package dev.newsharvester.pipeline;

/**
 * Told of progress during a harvest, for long local runs.
 *
 * <p><b>Threads.</b> A harvest discovers outlets, and processes articles, on several threads at once (different hosts
 * in parallel), so these methods are called from the harvest's worker threads, not only from the thread that called
 * {@link Harvester#harvest}. Implementations must be thread-safe. One harvest makes one call at a time (never two
 * concurrently), so the counts a listener sees only grow; keep the calls quick, since a worker waits for them.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() { };

    /** An outlet's discovery finished: the article URLs it found, and how many of them are due. */
    default void discovered(String outlet, int urls, int due) {
    }

    /** An article was processed inline: {@code done} of the {@code total} due articles of its outlet. */
    default void processed(ArticleOutcome outcome, int done, int total) {
    }

    /** After each article processed inline (right after {@link #processed}): where the whole harvest is. */
    default void progress(HarvestProgress progress) {
    }
}
