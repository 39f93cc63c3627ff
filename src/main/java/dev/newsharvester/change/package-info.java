/**
 * Changes to the archive as events: a URL first stored (NEW), a new version of what readers see (REVISED), and the
 * lifecycle of an address (DELETED, REDIRECTED, RESTORED). The pipeline hands each event to a {@link
 * dev.newsharvester.change.ChangeSink} once the version or lifecycle entry it describes is indexed; sinks publish it
 * (EventBridge, per-outlet Atom feeds with diff pages, the local change log).
 *
 * <p>Depends on nothing above {@code store}; {@code pipeline} depends on it.
 */
package dev.newsharvester.change;
