package dev.newsharvester.pipeline;

/** Told of progress during a harvest, for long local runs. Implementations must be thread-safe. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() { };

    default void discovered(String outlet, int urls, int due) {
    }

    default void processed(ArticleOutcome outcome, int done, int total) {
    }
}
