/**
 * Outlet profiles ({@link Outlet}): the YAML a user writes, validated field by field with one error per mistake
 * naming the line ({@link OutletConfigException}), the list of them ({@link Outlets}) reloaded when it changes
 * ({@link OutletsReloader}), and the revisit schedule an outlet may set ({@link RevisitSchedules}).
 *
 * <p>The bottom of the arrows: depends on nothing else here.
 */
package dev.newsharvester.outlet;
