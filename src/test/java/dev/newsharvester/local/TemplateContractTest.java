package dev.newsharvester.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.fetch.RobotsStore;
import dev.newsharvester.fleet.FleetTable;
import dev.newsharvester.fleet.SharedRobots;
import dev.newsharvester.pipeline.FleetWorker;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static dev.newsharvester.local.TemplateNodes.RESOURCES;
import static dev.newsharvester.local.TemplateNodes.TEMPLATE;
import static dev.newsharvester.local.TemplateNodes.TREE;
import static dev.newsharvester.local.TemplateNodes.getAttNode;
import static dev.newsharvester.local.TemplateNodes.refNode;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** template.yaml against the code: what Lambda will look for must exist, and the rights and limits must fit it. */
class TemplateContractTest {


    @Test
    void everyHandlerIsAPublicStreamHandlerMethod() {
        SamTemplate template = SamTemplate.read(TEMPLATE);
        for (String id : template.functionIds()) {
            SamTemplate.Function f = template.function(id);
            Class<?> handler = assertDoesNotThrow(() -> Class.forName(f.handlerClass()),
                    id + ": handler class " + f.handlerClass() + " is not on the classpath");
            assertTrue(Modifier.isPublic(handler.getModifiers()), id + ": " + handler + " must be public");
            assertFalse(Modifier.isAbstract(handler.getModifiers()), id + ": " + handler + " must be concrete");

            Method method = assertDoesNotThrow(
                    () -> handler.getMethod(f.handlerMethod(), InputStream.class, OutputStream.class, Context.class),
                    id + ": " + f.handlerClass() + " has no public " + f.handlerMethod()
                            + "(InputStream, OutputStream, Context)");
            if (!Modifier.isStatic(method.getModifiers())) {
                // Lambda instantiates the class once per execution environment.
                assertDoesNotThrow(() -> handler.getConstructor(),
                        id + ": " + handler + " needs a public no-argument constructor");
            }
        }
    }

    @Test
    void runtimeMatchesTheCompiledRelease() {
        SamTemplate template = SamTemplate.read(TEMPLATE);
        for (String id : template.functionIds()) {
            assertEquals("java21", template.function(id).runtime(), id);
        }
    }

    // ------------------------------------------------------------------ the fleet's queue and worker

    @Test
    void workerTimeoutFitsItsMarginAndTheQueueOutlastsIt() {
        int timeout = SamTemplate.read(TEMPLATE).function("ArticleFunction").timeoutSeconds();
        // A record starts only with margin() left: the timeout must leave room to start one at all.
        Duration margin = fleetWorker().margin();
        assertTrue(timeout > margin.toSeconds(), "ArticleFunction Timeout " + timeout + " s <= the worker's margin " + margin);

        // Lambda refuses an SQS source whose visibility timeout is below the function's timeout; a shorter one
        // would hand a message to a second worker while the first still works on it.
        int visibility = RESOURCES.path("ArticleTaskQueue").path("Properties").path("VisibilityTimeout").asInt(-1);
        assertTrue(visibility >= timeout, "VisibilityTimeout " + visibility + " < ArticleFunction Timeout " + timeout);
        // ...and it is how long a dead worker's turn token blocks its host: keep it short.
        assertTrue(visibility <= 2 * timeout, "VisibilityTimeout " + visibility + " blocks a host for long");
        assertEquals(5, RESOURCES.path("ArticleTaskQueue").path("Properties").path("RedrivePolicy")
                .path("maxReceiveCount").asInt(), "dead-letter redrive kept");
    }

    @Test
    void workerTakesDueMessagesAtOnce() {
        JsonNode tasks = sqsEvent("ArticleFunction");
        assertEquals(getAttNode("ArticleTaskQueue", "Arn"), tasks.path("Queue"));
        // Turn tokens are delayed messages: a batching window would delay each host's next request.
        assertEquals(0, tasks.path("MaximumBatchingWindowInSeconds").asInt(-1), "batching window");
        assertTrue(tasks.path("BatchSize").asInt() >= 1 && tasks.path("BatchSize").asInt() <= 10,
                "BatchSize without a window is at most 10: " + tasks.path("BatchSize"));
        assertTrue(tasks.path("FunctionResponseTypes").toString().contains("ReportBatchItemFailures"));
    }

    @Test
    void concurrencyIsBounded() {
        JsonNode worker = RESOURCES.path("ArticleFunction").path("Properties");
        JsonNode workers = refNode("WorkerConcurrency");
        assertEquals(workers, worker.path("ReservedConcurrentExecutions"), "the worker's reserved concurrency");
        assertEquals(workers, sqsEvent("ArticleFunction").path("ScalingConfig").path("MaximumConcurrency"),
                "the event source's MaximumConcurrency is the reserved concurrency (never throttled)");
        JsonNode parameter = TREE.path("Parameters").path("WorkerConcurrency");
        assertEquals("Number", parameter.path("Type").asText());
        assertTrue(parameter.path("MinValue").asInt() >= 2, "SQS's MaximumConcurrency is at least 2");
        assertTrue(parameter.path("Default").asInt() >= parameter.path("MinValue").asInt());

        // one planner at a time
        assertEquals(1, RESOURCES.path("HarvestFunction").path("Properties").path("ReservedConcurrentExecutions").asInt());
    }

    @Test
    void everyFunctionRunsAsPartOfTheFleet() {
        SamTemplate template = SamTemplate.read(TEMPLATE);
        Map<String, String> resources = Map.of("FleetTable", "fleet-table", "ArticleTaskQueue", "https://sqs/q",
                "ArticlesTable", "articles", "ArchiveBucket", "bucket");
        for (String id : template.functionIds()) {
            Map<String, String> env = template.function(id, resources).environment();
            assertEquals("fleet-table", env.get(Settings.FLEET_TABLE), id + ": FLEET_TABLE is !Ref FleetTable");
            assertEquals("https://sqs/q", env.get(Settings.TASK_QUEUE_URL), id + ": TASK_QUEUE_URL is !Ref ArticleTaskQueue");
            assertTrue(Settings.fromEnvironment(env).isFleet(), id + " is wired as planner or worker");
        }
    }

    // ------------------------------------------------------------------ the fleet table

    @Test
    void fleetTableMatchesTheCode() {
        JsonNode table = RESOURCES.path("FleetTable");
        assertEquals("AWS::DynamoDB::Table", table.path("Type").asText());
        JsonNode p = table.path("Properties");

        // what FleetTable.create makes locally
        List<Object> calls = new ArrayList<>();
        FleetTable.create(recordingDynamoDb(calls), "fleet");
        CreateTableRequest created = (CreateTableRequest) calls.get(0);
        Map<String, String> attributes = new TreeMap<>();
        p.path("AttributeDefinitions").forEach(a -> attributes.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
        Map<String, String> expected = new TreeMap<>();
        created.attributeDefinitions().forEach(a -> expected.put(a.attributeName(), a.attributeTypeAsString()));
        assertEquals(expected, attributes, "attribute definitions");
        List<String> keys = new ArrayList<>();
        p.path("KeySchema").forEach(k -> keys.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
        assertEquals(created.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList(), keys,
                "key schema");
        assertEquals(created.billingModeAsString(), p.path("BillingMode").asText());

        // the expiry the code writes (robots.txt copies) is the table's TTL attribute, in epoch seconds
        Instant fetched = Instant.parse("2025-08-23T10:00:00Z");
        new SharedRobots(recordingDynamoDb(calls), "fleet").put("https://unn.ua",
                new RobotsStore.Kept(200, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8),
                        null, null, fetched));
        Map<String, AttributeValue> item = ((PutItemRequest) calls.get(calls.size() - 1)).item();
        String ttl = p.path("TimeToLiveSpecification").path("AttributeName").asText();
        assertTrue(p.path("TimeToLiveSpecification").path("Enabled").asBoolean(), "TTL enabled");
        assertNotNull(item.get(ttl), "the code writes no '" + ttl + "': " + item.keySet());
        long expires = Long.parseLong(item.get(ttl).n());
        assertTrue(expires > fetched.getEpochSecond() && expires < fetched.getEpochSecond() + 366 * 86_400L,
                "TTL in epoch seconds: " + expires);
        assertTrue(item.keySet().containsAll(attributes.keySet()), "items carry the key " + attributes.keySet());

        // work state, not records
        assertEquals("Delete", table.path("DeletionPolicy").asText());
        assertEquals("Delete", table.path("UpdateReplacePolicy").asText());
        assertTrue(p.path("SSESpecification").path("SSEEnabled").asBoolean(), "SSE");
        assertEquals(refNode("FleetTable"), TREE.path("Outputs").path("FleetTableName").path("Value"));
    }

    // ------------------------------------------------------------------ logs and traces

    @Test
    void logsAreJsonInEachFunctionsOwnGroupAndLambdaNeverDropsInfo() {
        JsonNode global = TREE.path("Globals").path("Function");
        assertEquals("Active", global.path("Tracing").asText(), "X-Ray tracing");
        JsonNode logging = global.path("LoggingConfig");
        assertEquals("JSON", logging.path("LogFormat").asText());
        assertEquals("INFO", logging.path("SystemLogLevel").asText(), "START/REPORT lines (restore duration) kept");
        // EMF lines carry no level: Lambda counts them as INFO, so its filter must never be above INFO
        List<String> order = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
        for (JsonNode level : TREE.path("Parameters").path("LogLevel").path("AllowedValues")) {
            Object applied = TemplateNodes.evaluate(logging.path("ApplicationLogLevel"), Map.of("LogLevel", level.asText()));
            assertTrue(order.indexOf((String) applied) <= order.indexOf("INFO"), level + " -> " + applied);
            if (order.indexOf(level.asText()) <= order.indexOf("INFO")) {
                assertEquals(level.asText(), applied, "a finer LogLevel reaches Lambda's filter as it is");
            }
        }
        for (String id : SamTemplate.read(TEMPLATE).functionIds()) {
            String group = RESOURCES.path(id).path("Properties").path("LoggingConfig").path("LogGroup").path("Ref").asText();
            assertEquals("AWS::Logs::LogGroup", RESOURCES.path(group).path("Type").asText(), id + ": its own log group");
            assertTrue(RESOURCES.path(group).path("Properties").path("RetentionInDays").asInt() > 0, group + " retention");
            Map<String, String> env = SamTemplate.read(TEMPLATE).function(id).environment();
            assertEquals("INFO", env.get("LOG_LEVEL"), id);
            assertEquals("news-harvester", env.get("POWERTOOLS_SERVICE_NAME"), id + ": the ServiceName default");
            assertEquals("NewsHarvester", env.get("POWERTOOLS_METRICS_NAMESPACE"), id);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode sqsEvent(String function) {
        for (JsonNode event : RESOURCES.path(function).path("Properties").path("Events")) {
            if (event.path("Type").asText().equals("SQS")) {
                return event.path("Properties");
            }
        }
        throw new AssertionError(function + " has no SQS event");
    }

    /** A fleet worker wired as in Lambda, on clients that must not be called: for its margin. */
    private static FleetWorker fleetWorker() {
        Map<String, String> env = new HashMap<>();
        env.put(Settings.ARTICLES_TABLE, "articles");
        env.put(Settings.ARCHIVE_BUCKET, "bucket");
        env.put(Settings.TASK_QUEUE_URL, "https://sqs/q");
        env.put(Settings.FLEET_TABLE, "fleet");
        DynamoDbClient ddb = refusing(DynamoDbClient.class);
        SqsClient sqs = refusing(SqsClient.class);
        Harvester harvester = Wiring.harvester(Settings.fromEnvironment(env), refusing(S3Client.class), ddb, sqs);
        return Wiring.fleetWorker(Settings.fromEnvironment(env), harvester, ddb, sqs);
    }

    private static <T> T refusing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " called");
        }));
    }

    /** A DynamoDB client that records createTable and putItem requests and says every table is ACTIVE. */
    private static DynamoDbClient recordingDynamoDb(List<Object> calls) {
        InvocationHandler h = (proxy, method, args) -> {
            if (args != null && args.length == 1 && args[0] instanceof Consumer<?> && method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);  // builds the request, calls the method below
            }
            return switch (method.getName()) {
                case "createTable" -> {
                    calls.add(args[0]);
                    yield CreateTableResponse.builder().build();
                }
                case "describeTable" -> DescribeTableResponse.builder()
                        .table(t -> t.tableStatus(TableStatus.ACTIVE)).build();
                case "putItem" -> {
                    calls.add(args[0]);
                    yield PutItemResponse.builder().build();
                }
                default -> throw new UnsupportedOperationException("DynamoDbClient." + method.getName());
            };
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, h);
    }
}
