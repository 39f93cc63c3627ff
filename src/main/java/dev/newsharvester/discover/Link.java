package dev.newsharvester.discover;

import java.time.Instant;

/** A link read from a source document, before canonicalisation and filtering; {@code published} may be null. */
record Link(String url, Instant published) {
}
