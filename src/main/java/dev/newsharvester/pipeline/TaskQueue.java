package dev.newsharvester.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The task queue of a fleet (SQS): discovery tasks, host turns and articles, as {@link FleetMessage}s. A message that
 * is not due yet is sent with a delay (SQS counts whole seconds, at most 15 minutes): that is how work waits without
 * a function paying for it.
 */
public final class TaskQueue {

    /** SQS's longest message delay. */
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final int BATCH = 10;
    private static final int ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String url;

    public TaskQueue(SqsClient sqs, String url) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.url = Objects.requireNonNull(url, "url");
    }

    /** Sends one message, visible after {@code delay} (rounded up to whole seconds); throws if SQS refuses it. */
    public void send(FleetMessage message, Duration delay) {
        int seconds = delaySeconds(delay);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(FleetMessage.body(message)).delaySeconds(seconds));
    }

    /**
     * Sends messages in batches of ten, retrying refused entries; never throws.
     *
     * @return the messages that could not be sent, each with why
     */
    public List<Refused> sendAll(List<? extends FleetMessage> messages) {
        List<Refused> refused = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += BATCH) {
            List<? extends FleetMessage> batch = messages.subList(from, Math.min(messages.size(), from + BATCH));
            try {
                refused.addAll(sendBatch(batch));
            } catch (SdkException e) {
                batch.forEach(m -> refused.add(new Refused(m, e.getMessage())));
            }
        }
        return refused;
    }

    /** A message SQS would not take. */
    public record Refused(FleetMessage message, String why) {
    }

    private List<Refused> sendBatch(List<? extends FleetMessage> batch) {
        List<SendMessageBatchRequestEntry> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(FleetMessage.body(batch.get(i))).build());
        }
        for (int attempt = 1; ; attempt++) {
            List<SendMessageBatchRequestEntry> now = pending;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(now));
            if (response.failed().isEmpty()) {
                return List.of();
            }
            List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
            pending = pending.stream().filter(e -> failedIds.contains(e.id())).toList();
            if (attempt >= ATTEMPTS) {
                List<Refused> refused = new ArrayList<>();
                for (BatchResultErrorEntry f : response.failed()) {
                    refused.add(new Refused(batch.get(Integer.parseInt(f.id())), f.code() + " " + f.message()));
                }
                return refused;
            }
        }
    }

    static int delaySeconds(Duration delay) {
        if (delay == null || delay.isNegative() || delay.isZero()) {
            return 0;
        }
        long ms = Math.min(delay.toMillis(), MAX_DELAY.toMillis());
        return (int) ((ms + 999) / 1000);
    }
}
