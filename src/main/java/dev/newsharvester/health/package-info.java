/**
 * Outlet health: whether each outlet still yields articles the way it used to. {@link HealthEvaluator} reads the
 * shared per-outlet counters ({@code store.HealthCounters}, written by every function instance as articles are
 * processed and outlets discovered) and gives a {@link HealthReport}: per outlet the last successful discovery, the
 * last new article, outcomes over 24 hours and 7 days, the field completeness of new articles, and the flags
 * {@link Flag#SILENT}, {@link Flag#FAILING} and {@link Flag#DRIFT} under the {@link HealthThresholds}.
 *
 * <p>Sits between the flow and the store: {@code pipeline}, {@code lambda} and {@code cli} use it; it uses
 * {@code store} only.
 */
package dev.newsharvester.health;
