/**
 * The entry points {@code template.yaml} names: {@link HarvestHandler} (the schedule: plan outlets and revisits,
 * queue tasks or harvest inline) and {@link ArticleHandler} (an SQS batch of article tasks, partial batch failures
 * reported), their event parsing ({@link Events}), and the SnapStart hooks ({@link Priming}).
 *
 * <p>Thin: the flow itself is in {@code pipeline}; settings come from {@code pipeline.Settings}.
 */
package dev.newsharvester.lambda;
