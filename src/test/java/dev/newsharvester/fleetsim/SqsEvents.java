package dev.newsharvester.fleetsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The JSON Lambda exchanges with a function behind an SQS event source mapping: the event it builds from a batch
 * of received messages, and how it reads the function's partial-batch response ({@code ReportBatchItemFailures}).
 */
public final class SqsEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private SqsEvents() {
    }

    /** {@code arn:aws:sqs:us-east-1:000000000000:<queue name>} for a queue URL. */
    public static String queueArn(String queueUrl, String region) {
        String name = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        return "arn:aws:sqs:" + region + ":000000000000:" + name;
    }

    /** The event Lambda gives the function for {@code messages}, as bytes. */
    public static byte[] event(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            for (Map.Entry<String, String> a : new java.util.TreeMap<>(m.attributesAsStrings()).entrySet()) {
                attributes.put(a.getKey(), a.getValue());
            }
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            m.messageAttributes().forEach((name, v) -> messageAttributes.set(name, attribute(v)));
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", region);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lambda's shape of a message attribute (camelCase keys, empty list fields). */
    private static ObjectNode attribute(MessageAttributeValue v) {
        ObjectNode a = JSON.createObjectNode();
        if (v.stringValue() != null) {
            a.put("stringValue", v.stringValue());
        }
        if (v.binaryValue() != null) {
            a.put("binaryValue", Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
        }
        a.putArray("stringListValues");
        a.putArray("binaryListValues");
        a.put("dataType", v.dataType());
        return a;
    }

    /**
     * The message ids to leave on the queue, read from the function's response as Lambda does: an empty response, a
     * null or empty {@code batchItemFailures} = all succeeded (empty set); invalid JSON, or an item identifier that is
     * missing, null, empty or not a message of the batch = the whole batch failed ({@link Optional#empty()}).
     */
    public static Optional<Set<String>> failedIds(byte[] response, Set<String> batchIds) {
        String text = new String(response, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return Optional.of(Set.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || root.isNull() || !root.isObject()) {
            return root == null || root.isNull() ? Optional.of(Set.of()) : Optional.empty();
        }
        JsonNode failures = root.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Optional.of(Set.of());
        }
        if (!failures.isArray()) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode f : failures) {
            JsonNode id = f.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !batchIds.contains(id.asText())) {
                return Optional.empty();
            }
            ids.add(id.asText());
        }
        return Optional.of(ids);
    }
}
