/**
 * What identifies a text: normalisation ({@link TextNormalizer}), SHA-256 of the normalised text, a 64-bit
 * {@link SimHash} for near-copies (Hamming distance of at most 3) and a {@link MinHash} with LSH bands for the same
 * story told in other words ({@link Fingerprinter} makes all of them as one {@link Fingerprint}).
 *
 * <p>Pure: no AWS, no HTTP.
 */
package dev.newsharvester.fingerprint;
