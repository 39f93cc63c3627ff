/**
 * Changes to the archive as events: a URL first stored (NEW), a new version of what readers see (REVISED), and the
 * lifecycle of an address (DELETED, REDIRECTED, RESTORED). The pipeline hands each event to a {@link
 * dev.newsharvester.change.ChangeSink} once the version or lifecycle entry it describes is indexed.
 *
 * <p>The sinks: {@link dev.newsharvester.change.ChangePublisher} logs the event once ({@link
 * dev.newsharvester.change.ChangeJournal} on {@code store.ChangeLog}, the JSON of {@link
 * dev.newsharvester.change.ChangeEventJson}) and only then, for the call that logged it, publishes it to
 * {@link dev.newsharvester.change.EventBridgeSink} and {@link dev.newsharvester.change.AtomFeeds} (per-outlet Atom
 * feeds regenerated from the log, each entry linking a side-by-side diff page, written to {@link
 * dev.newsharvester.change.FeedTarget}s: the bucket's {@code feeds/} and, locally, {@code <data>/feeds}).
 *
 * <p>Depends on nothing above {@code store} (it reads clean copies for the diff pages); {@code pipeline} wires it.
 */
package dev.newsharvester.change;
