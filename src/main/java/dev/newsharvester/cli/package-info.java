/**
 * The {@code news-harvester} command (picocli): {@link Main} and one class per command ({@code demo}, {@code harvest},
 * {@code invoke}, {@code extract}, {@code eval}, {@code query}, {@code reprocess}, {@code status}, {@code sweep}, {@code export}).
 * Commands are thin adapters over {@code pipeline}, {@code query}, {@code health}, {@code export} and {@code local}: they parse
 * options, open the store ({@code StoreOptions}: {@code --data DIR} or {@code --aws}), print tables or
 * {@code --json}, and turn every bad input into one {@code error:} line naming the option and the fix.
 *
 * <p>The top of the arrows: nothing else depends on it.
 */
package dev.newsharvester.cli;
