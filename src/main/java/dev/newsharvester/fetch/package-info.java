/**
 * The polite HTTP client ({@link HttpFetcher}): robots.txt ({@link RobotsCache}), per-host pacing ({@link HostPacer}
 * over a {@link Pacer} that may be shared by a fleet), conditional GET ({@link Validators}), redirects
 * ({@link Locations}), size and time limits ({@link Deadline}), charset detection, the address guard
 * ({@link AddressGuard}: no private, loopback or link-local address unless a local run opens them), and
 * failures as values ({@link FetchResult}, {@link FetchStatus}), never as exceptions for the caller to catch.
 *
 * <p>Knows nothing of articles or storage.
 */
package dev.newsharvester.fetch;
