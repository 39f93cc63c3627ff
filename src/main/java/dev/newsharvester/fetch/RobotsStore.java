package dev.newsharvester.fetch;

import java.time.Instant;
import java.util.Optional;

/**
 * Where robots.txt answers are shared between processes, so that a fleet of instances reads an origin's robots.txt
 * once a day, not once per instance (each read is a request to the host, under its crawl delay). The in-memory cache
 * of {@link HttpFetcher} always sits in front; without a store each process reads for itself.
 */
public interface RobotsStore {

    /**
     * What is kept of an answer: a 2xx body (first 512 KiB), an empty body for a 4xx ("no rules"), or, with status 0,
     * 429 or 5xx, why robots.txt could not be read (disallow-all for 10 minutes).
     */
    record Kept(int httpStatus, String contentType, byte[] body, String etag, String lastModified, Instant fetchedAt) {
    }

    /** The answer kept for {@code origin} ("https://host:port"), if any, however old. */
    Optional<Kept> get(String origin);

    /** Keeps {@code kept} for {@code origin}; failures to keep it are ignored (the next reader fetches again). */
    void put(String origin, Kept kept);

    /** No sharing. */
    RobotsStore NONE = new RobotsStore() {
        @Override
        public Optional<Kept> get(String origin) {
            return Optional.empty();
        }

        @Override
        public void put(String origin, Kept kept) {
        }
    };
}
