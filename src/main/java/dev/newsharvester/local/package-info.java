/**
 * Running it on one machine: the embedded store ({@link LocalStack}: DynamoDB Local and s3proxy in-process, in a
 * data directory guarded by {@link StoreDirectory}'s marker and lock), the demo ({@link Demo} over the bundled
 * {@link DemoSite}, its third round an article's later life in {@link DemoLifecycleRound}), and the SAM-style invoker ({@link LocalInvoker}, reading {@code template.yaml} through
 * {@link SamTemplate}) that stands in for {@code sam local invoke}.
 *
 * <p>Used by {@code cli} and tests; uses {@code pipeline}, {@code lambda}, {@code store}, and for the demo's
 * printout {@code query} and {@code change}.
 */
package dev.newsharvester.local;
