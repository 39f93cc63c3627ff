package dev.newsharvester.change;

/**
 * Where change events go. Called after the version or lifecycle entry an event describes is indexed; an
 * implementation must not throw for a publishing failure of its own (the article is stored either way): it reports
 * it and returns.
 */
@FunctionalInterface
public interface ChangeSink {

    /** Publishes nothing. */
    ChangeSink NONE = event -> { };

    void publish(ChangeEvent event);
}
