/**
 * State that must hold across every instance of the fleet, in one DynamoDB table ({@link FleetTable}): a lease and a
 * not-before instant per host ({@link HostLeases}, used through the non-waiting {@link FleetPacer}), the articles
 * waiting for their host ({@link Frontier}), the host's turn token, and robots.txt answers shared by all instances
 * ({@link SharedRobots}). Every write is conditional; nothing here sleeps.
 */
package dev.newsharvester.fleet;
