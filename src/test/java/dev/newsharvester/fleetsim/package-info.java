/**
 * Fleet simulation: runs the Lambda functions the way AWS would (an SQS event source mapping feeding W warm
 * instances) against in-process ElasticMQ, DynamoDB Local, s3proxy and loopback news sites, to assert fleet-wide
 * politeness and to measure cost.
 *
 * <ul>
 *   <li>{@link dev.newsharvester.fleetsim.LoopbackHosts}: the sites (one loopback address per host), their request
 *       log ({@link dev.newsharvester.fleetsim.RequestLog}) and outlet YAML;</li>
 *   <li>{@link dev.newsharvester.fleetsim.EsmPoller}: the event source mapping (batches, partial batch failures,
 *       visibility timeouts, killed instances);</li>
 *   <li>{@link dev.newsharvester.fleetsim.AwsCounters} and {@link dev.newsharvester.fleetsim.CostModel}: AWS calls,
 *       estimated capacity units, USD per million articles;</li>
 *   <li>{@link dev.newsharvester.fleetsim.FleetSim}: all of it together, {@code run(limit, done)} →
 *       {@link dev.newsharvester.fleetsim.FleetReport};</li>
 *   <li>{@link dev.newsharvester.fleetsim.FleetWiring}: the only class that knows the project's handlers.</li>
 * </ul>
 *
 * <pre>{@code
 * try (FleetSim sim = FleetSim.builder()
 *         .hosts(h -> h.hosts(12).articlesPerOutlet(15).crawlDelay(Duration.ofSeconds(1)))
 *         .workers(10).worker(FleetWiring::worker).start()) {
 *     sim.seedWithPlanner(FleetWiring.planner(sim));          // or sim.seedArticles()
 *     FleetReport r = sim.run(Duration.ofSeconds(45), () -> sim.hosts().log().fetchedArticles() >= 180);
 *     System.out.println(r.toText());
 * }
 * }</pre>
 *
 * Runs: {@code mvn -B -q verify -Dit.test=FleetSimIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}; other
 * sizes and the 1,000-outlet discovery timing with {@link dev.newsharvester.fleetsim.FleetBench} (see its Javadoc).
 */
package dev.newsharvester.fleetsim;
