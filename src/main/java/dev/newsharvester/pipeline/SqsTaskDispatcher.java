package dev.newsharvester.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** One SQS message per article task, sent in batches of ten; failed entries are retried, then reported. */
public final class SqsTaskDispatcher implements TaskDispatcher {

    private static final int BATCH = 10;
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsTaskDispatcher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void dispatch(List<ArticleTask> tasks) {
        for (int from = 0; from < tasks.size(); from += BATCH) {
            List<ArticleTask> batch = tasks.subList(from, Math.min(tasks.size(), from + BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(json(batch.get(i))).build());
            }
            send(entries);
        }
    }

    private void send(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 1; ; attempt++) {
            List<SendMessageBatchRequestEntry> entriesNow = pending;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entriesNow));
            if (response.failed().isEmpty()) {
                return;
            }
            List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
            List<SendMessageBatchRequestEntry> again = pending.stream().filter(e -> failedIds.contains(e.id())).toList();
            if (attempt >= ATTEMPTS) {
                BatchResultErrorEntry first = response.failed().get(0);
                throw new IllegalStateException("SQS refused " + again.size() + " article task(s) after " + ATTEMPTS
                        + " attempts: " + first.code() + " " + first.message());
            }
            pending = again;
        }
    }

    static String json(ArticleTask task) {
        try {
            return JSON.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
