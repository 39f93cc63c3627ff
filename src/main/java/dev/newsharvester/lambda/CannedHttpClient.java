package dev.newsharvester.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client for the SDK that opens no connection: it answers every request itself with what the service would
 * answer to a success (DynamoDB's empty JSON object, SQS's message ids with the body checksums the SDK verifies, S3's
 * ETag, or the object {@link #serve served} for a GET). SnapStart priming sends real requests through real SDK clients
 * on it, so that their signing, marshalling and unmarshalling classes are loaded and initialised before the snapshot.
 */
final class CannedHttpClient implements SdkHttpClient {

    private final List<String> operations = new ArrayList<>();
    private volatile byte[] object = new byte[0];

    /** The body S3 GETs answer with from now on. */
    void serve(byte[] body) {
        this.object = body.clone();
    }

    /** The operations answered so far, e.g. {@code dynamodb:PutItem}, {@code sqs:SendMessageBatch}, {@code s3:PUT}. */
    synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return answer(request.httpRequest(), body(request));
            }

            @Override
            public void abort() {
                // answered at once: nothing in flight
            }
        };
    }

    private static byte[] body(HttpExecuteRequest request) throws IOException {
        if (request.contentStreamProvider().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = request.contentStreamProvider().get().newStream()) {
            return in.readAllBytes();
        }
    }

    private HttpExecuteResponse answer(SdkHttpRequest request, byte[] body) throws IOException {
        String target = request.firstMatchingHeader("X-Amz-Target").orElse("");
        int dot = target.indexOf('.');
        if (target.startsWith("DynamoDB_")) {
            record("dynamodb:" + target.substring(dot + 1));
            return json("{}", "application/x-amz-json-1.0");
        }
        if (target.startsWith("AmazonSQS.")) {
            String operation = target.substring(dot + 1);
            record("sqs:" + operation);
            return json(sqs(operation, Events.JSON.readTree(body)).toString(), "application/x-amz-json-1.0");
        }
        record("s3:" + request.method().name());
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(200)
                .putHeader("x-amz-request-id", "PRIMING").putHeader("ETag", "\"" + md5(body) + "\"");
        byte[] answer = switch (request.method()) {
            case GET -> object;
            default -> new byte[0];
        };
        response.putHeader("Content-Length", Integer.toString(answer.length));
        return HttpExecuteResponse.builder().response(response.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer))).build();
    }

    /** SQS's answer: message ids, and the MD5 of each body, which the SDK checks against what it sent. */
    private static ObjectNode sqs(String operation, JsonNode request) {
        ObjectNode out = Events.JSON.createObjectNode();
        if (operation.equals("SendMessage")) {
            out.put("MessageId", "primed-0").put("MD5OfMessageBody", md5(request.path("MessageBody").asText()));
        } else if (operation.equals("SendMessageBatch")) {
            ArrayNode ok = out.putArray("Successful");
            for (JsonNode entry : request.path("Entries")) {
                ok.addObject().put("Id", entry.path("Id").asText()).put("MessageId", "primed-" + entry.path("Id").asText())
                        .put("MD5OfMessageBody", md5(entry.path("MessageBody").asText()));
            }
            out.putArray("Failed");
        }
        return out;
    }

    private synchronized void record(String operation) {
        operations.add(operation);
    }

    private static HttpExecuteResponse json(String body, String contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpResponse response = SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", contentType)
                .putHeader("Content-Length", Integer.toString(bytes.length)).putHeader("x-amzn-RequestId", "PRIMING")
                .build();
        return HttpExecuteResponse.builder().response(response)
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
    }

    private static String md5(String text) {
        return md5(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }

    @Override
    public String clientName() {
        return "Priming";
    }

    @Override
    public void close() {
        // nothing held
    }
}
