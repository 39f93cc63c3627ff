/**
 * What the functions and the CLI tell an operator: one JSON log line per event in the shape of Powertools for AWS
 * Lambda (Java) logging, and CloudWatch metrics in the embedded metric format (EMF), written to standard output where
 * Lambda ships them to CloudWatch Logs, which extracts the metrics.
 *
 * <ul>
 *   <li>{@link dev.newsharvester.observe.JsonLog}: {@code level}, {@code timestamp}, {@code service},
 *       {@code function_request_id}, {@code cold_start}, {@code message} and the event's fields; {@code LOG_LEVEL}
 *       (DEBUG, INFO, WARN, ERROR; default INFO) filters.</li>
 *   <li>{@link dev.newsharvester.observe.EmfWriter}: metric points → EMF documents (one per dimension values, at most
 *       100 metrics and 100 values per metric each).</li>
 *   <li>{@link dev.newsharvester.observe.HarvestMetrics}: article outcomes, outlet reports, discoveries and outlet
 *       health → the metrics of the shared contract (namespace {@code NewsHarvester}, dimension {@code Service}).</li>
 *   <li>{@link dev.newsharvester.observe.Telemetry}: the facade a handler holds; one
 *       {@link dev.newsharvester.observe.Telemetry.Invocation} per invocation, whose close flushes the metrics once.</li>
 * </ul>
 *
 * <p><b>Why not Powertools itself.</b> powertools-logging 2.9.0 resolves here, but it logs through SLF4J into a
 * Log4j 2 or Logback backend ({@code powertools-logging-log4j} brings log4j-core and its JSON template layout, about
 * 2 MB), and its annotations need AspectJ weaving; powertools-metrics brings its own serialisation stack. Each adds
 * classes to load at cold start for what is, here, two small JSON shapes written with the Jackson the jar already
 * has. The shapes are the same (field names of Powertools' JSON layout; the EMF specification), so Logs Insights
 * queries and the template's alarms do not care which wrote them.
 *
 * <p>Depends on {@code pipeline} (outcomes and reports) and never on {@code lambda}, {@code cli} or {@code local}.
 */
package dev.newsharvester.observe;
