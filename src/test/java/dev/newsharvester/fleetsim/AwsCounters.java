package dev.newsharvester.fleetsim;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * Counts AWS SDK v2 calls per service and operation (SQS, DynamoDB, S3) and ESTIMATES what they bill: DynamoDB
 * capacity units (see {@link DynamoUnits}: writes ceil(request JSON bytes / 1 KB) per item, reads
 * ceil(response bytes / 4 KB), halved when not consistent; index entries of a PutItem apart, when the table can be
 * described, see {@link #describeTablesWith}) and SQS billed requests
 * (each started 64 KB of the larger of request and response body is one request). One call is one request: SDK
 * retries of a call are not counted separately.
 *
 * <p>Attach it when building a client:
 * <pre>{@code
 * AwsCounters counters = new AwsCounters();
 * SqsClient sqs = SqsClient.builder()
 *         .overrideConfiguration(o -> o.addExecutionInterceptor(counters))
 *         ...build();
 * }</pre>
 * DynamoDB Local's in-process client (LocalStack) has no SDK pipeline to intercept: wrap it with
 * {@link #wrap(DynamoDbClient)}, which records the same figures per call.
 */
public final class AwsCounters implements ExecutionInterceptor {

    /** What was counted up to a moment; {@link #minus} gives the figures of an interval. */
    public record Snapshot(Map<String, Long> calls, long errors, long dynamoWriteUnits, long dynamoIndexWriteUnits,
            long dynamoReadHalfUnits, double reportedWriteUnits, double reportedReadUnits, long sqsBilledRequests,
            long s3Tier1, long s3Tier2) {

        /** Calls of one service ("SQS", "DynamoDB", "S3"). */
        public long calls(String service) {
            return calls.entrySet().stream().filter(e -> e.getKey().startsWith(service + " ")).mapToLong(Map.Entry::getValue).sum();
        }

        /** Calls of one operation, e.g. {@code calls("SQS", "ReceiveMessage")}. */
        public long calls(String service, String operation) {
            return calls.getOrDefault(service + " " + operation, 0L);
        }

        /** Estimated read request units (eventually consistent reads count half). */
        public double dynamoReadUnits() {
            return dynamoReadHalfUnits / 2.0;
        }

        public Snapshot minus(Snapshot earlier) {
            Map<String, Long> c = new TreeMap<>(calls);
            earlier.calls.forEach((k, v) -> c.merge(k, -v, Long::sum));
            c.values().removeIf(v -> v == 0);
            return new Snapshot(Map.copyOf(c), errors - earlier.errors, dynamoWriteUnits - earlier.dynamoWriteUnits,
                    dynamoIndexWriteUnits - earlier.dynamoIndexWriteUnits, dynamoReadHalfUnits - earlier.dynamoReadHalfUnits,
                    reportedWriteUnits - earlier.reportedWriteUnits, reportedReadUnits - earlier.reportedReadUnits,
                    sqsBilledRequests - earlier.sqsBilledRequests,
                    s3Tier1 - earlier.s3Tier1, s3Tier2 - earlier.s3Tier2);
        }

        public Snapshot plus(Snapshot other) {
            Map<String, Long> c = new TreeMap<>(calls);
            other.calls.forEach((k, v) -> c.merge(k, v, Long::sum));
            return new Snapshot(Map.copyOf(c), errors + other.errors, dynamoWriteUnits + other.dynamoWriteUnits,
                    dynamoIndexWriteUnits + other.dynamoIndexWriteUnits, dynamoReadHalfUnits + other.dynamoReadHalfUnits,
                    reportedWriteUnits + other.reportedWriteUnits, reportedReadUnits + other.reportedReadUnits,
                    sqsBilledRequests + other.sqsBilledRequests,
                    s3Tier1 + other.s3Tier1, s3Tier2 + other.s3Tier2);
        }
    }

    private static final ExecutionAttribute<Long> REQUEST_BYTES = new ExecutionAttribute<>("fleetsim.requestBytes");
    private static final ExecutionAttribute<Long> RESPONSE_BYTES = new ExecutionAttribute<>("fleetsim.responseBytes");

    private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();
    private final LongAdder writeUnits = new LongAdder();
    private final LongAdder indexWriteUnits = new LongAdder();
    private final java.util.concurrent.atomic.DoubleAdder reportedWrite = new java.util.concurrent.atomic.DoubleAdder();
    private final java.util.concurrent.atomic.DoubleAdder reportedRead = new java.util.concurrent.atomic.DoubleAdder();
    private final ConcurrentHashMap<String, java.util.Optional<DynamoUnits.Table>> tables = new ConcurrentHashMap<>();
    private volatile DynamoDbClient describer;
    private final LongAdder readHalfUnits = new LongAdder();
    private final LongAdder sqsBilled = new LongAdder();
    private final LongAdder s3Tier1 = new LongAdder();
    private final LongAdder s3Tier2 = new LongAdder();

    @Override
    public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
        context.requestBody().flatMap(b -> b.optionalContentLength()).ifPresent(n -> attributes.putAttribute(REQUEST_BYTES, n));
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        context.httpResponse().firstMatchingHeader("Content-Length").ifPresent(v -> {
            try {
                attributes.putAttribute(RESPONSE_BYTES, Long.parseLong(v.trim()));
            } catch (NumberFormatException ignored) {
                // no size then
            }
        });
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(service(attributes), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request(),
                context.response(), attributes.getAttribute(REQUEST_BYTES), attributes.getAttribute(RESPONSE_BYTES), false);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        // A failed call is still a billed request (and a failed conditional write still consumes write units).
        record(service(attributes), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request(),
                context.response().orElse(null), attributes.getAttribute(REQUEST_BYTES), attributes.getAttribute(RESPONSE_BYTES), true);
    }

    /** Counts one call; returns the estimated DynamoDB units of it (NONE for other services). */
    private DynamoUnits.Units record(String service, String operation, Object request, Object response, Long requestBytes,
            Long responseBytes, boolean failed) {
        DynamoUnits.Units estimate = DynamoUnits.Units.NONE;
        calls.computeIfAbsent(service + " " + operation, k -> new LongAdder()).increment();
        if (failed) {
            errors.increment();
        }
        switch (service) {
            case "DynamoDB" -> {
                DynamoUnits.Units u = DynamoUnits.of(request, response, this::table);
                writeUnits.add(u.writeUnits());
                indexWriteUnits.add(u.indexWriteUnits());
                readHalfUnits.add(u.readHalfUnits());
                estimate = u;
            }
            case "SQS" -> {
                long bytes = Math.max(requestBytes == null ? 0 : requestBytes, responseBytes == null ? 0 : responseBytes);
                sqsBilled.add(Math.max(1, (bytes + 65_535) / 65_536));
            }
            case "S3" -> {
                if (s3Tier1(operation)) {
                    s3Tier1.increment();
                } else if (!operation.startsWith("Delete")) { // DELETE is free
                    s3Tier2.increment();
                }
            }
            default -> {
            }
        }
        return estimate;
    }

    /** PUT, COPY, POST and LIST requests (the dearer S3 tier); GET, HEAD and the rest are tier 2. */
    static boolean s3Tier1(String operation) {
        return operation.startsWith("Put") || operation.startsWith("Copy") || operation.startsWith("List")
                || operation.startsWith("Create") || operation.startsWith("UploadPart") || operation.startsWith("Complete")
                || operation.equals("PostObject") || operation.equals("RestoreObject");
    }

    private static String service(ExecutionAttributes attributes) {
        String name = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (upper.contains("DYNAMODB")) {
            return "DynamoDB";
        }
        if (upper.equals("SQS")) {
            return "SQS";
        }
        if (upper.equals("S3")) {
            return "S3";
        }
        return name;
    }

    public Snapshot snapshot() {
        Map<String, Long> c = new TreeMap<>();
        calls.forEach((k, v) -> c.put(k, v.sum()));
        return new Snapshot(Map.copyOf(c), errors.sum(), writeUnits.sum(), indexWriteUnits.sum(), readHalfUnits.sum(),
                reportedWrite.sum(), reportedRead.sum(), sqsBilled.sum(),
                s3Tier1.sum(), s3Tier2.sum());
    }

    /**
     * Lets the counters charge PutItem the global secondary index entries it writes: tables are described (once each)
     * through {@code uncounted}, a client whose calls are not counted. {@link #wrap} sets its target as describer.
     */
    public AwsCounters describeTablesWith(DynamoDbClient uncounted) {
        this.describer = uncounted;
        return this;
    }

    private DynamoUnits.Table table(String name) {
        DynamoDbClient d = describer;
        if (name == null || d == null) {
            return null;
        }
        return tables.computeIfAbsent(name, n -> {
            try {
                return java.util.Optional.of(DynamoUnits.Table.of(d.describeTable(b -> b.tableName(n)).table()));
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }

    /**
     * A DynamoDB client that counts every call like the interceptor does, then delegates to {@code target}. For
     * clients without an SDK pipeline (DynamoDB Local embedded); an ordinary client takes the interceptor instead.
     * Convenience overloads (builder consumers) and paginators run through the counted methods. It also asks the
     * target for the capacity each call consumed (see {@link ReportedCapacity}; the handler's response is unchanged):
     * with DynamoDB Local that is the figure DynamoDB would bill, {@link Snapshot#reportedWriteUnits()} and
     * {@link Snapshot#reportedReadUnits()}, next to the estimates. A failed conditional write reports nothing; a read
     * that finds nothing is reported as 0 by DynamoDB Local and counted at DynamoDB's minimum (the estimate) instead.
     */
    public DynamoDbClient wrap(DynamoDbClient target) {
        InvocationHandler h = (proxy, method, args) -> {
            Object first = args != null && args.length == 1 ? args[0] : null;
            if (method.isDefault() && (first instanceof java.util.function.Consumer<?>
                    || method.getName().endsWith("Paginator"))) {
                return InvocationHandler.invokeDefault(proxy, method, args); // builds the request, calls the counted form
            }
            if (!(first instanceof DynamoDbRequest request)) {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            DynamoDbRequest asking = ReportedCapacity.ask(request);
            String operation = operation(method.getName());
            try {
                Object result = method.invoke(target, asking != null ? asking : request);
                DynamoUnits.Units estimate = record("DynamoDB", operation, request, result, null, null, false);
                double reported = ReportedCapacity.units(result);
                if (writes(operation)) {
                    reportedWrite.add(reported);
                } else {
                    // DynamoDB Local reports 0 for a read that finds nothing; DynamoDB bills at least 0.5 / 1 RRU
                    reportedRead.add(reported > 0 ? reported : estimate.readHalfUnits() / 2.0);
                }
                return asking != null ? ReportedCapacity.strip(result) : result;
            } catch (InvocationTargetException e) {
                record("DynamoDB", operation, request, null, null, null, true);
                throw e.getCause();
            }
        };
        if (describer == null) {
            describer = target;
        }
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, h);
    }

    private static boolean writes(String operation) {
        return operation.startsWith("Put") || operation.startsWith("Update") || operation.startsWith("Delete")
                || operation.startsWith("BatchWrite") || operation.startsWith("TransactWrite");
    }

    /** putItem → PutItem */
    private static String operation(String method) {
        return Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }
}
