package dev.newsharvester.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamTemplateTest {

    /** Surefire runs with the project directory as working directory. */
    private static final Path TEMPLATE = Path.of("template.yaml");

    private static final Map<String, String> LOCAL_RESOURCES = Map.of(
            "ArticlesTable", "Articles",
            "ArchiveBucket", "news-harvester-archive",
            "FleetTable", "Fleet",
            "ArticleTaskQueue", "http://127.0.0.1:9324/000000000000/article-tasks");

    // ------------------------------------------------------------------ the project's template

    @Test
    void projectTemplateHasExactlyTheTwoFunctions() {
        assertEquals(List.of("HarvestFunction", "ArticleFunction"),
                List.copyOf(SamTemplate.read(TEMPLATE).functionIds()));
    }

    @Test
    void projectTemplateHandlers() {
        SamTemplate template = SamTemplate.read(TEMPLATE);

        SamTemplate.Function harvest = template.function("HarvestFunction");
        assertEquals("dev.newsharvester.lambda.HarvestHandler", harvest.handlerClass());
        assertEquals("handleRequest", harvest.handlerMethod());

        SamTemplate.Function article = template.function("ArticleFunction");
        assertEquals("dev.newsharvester.lambda.ArticleHandler", article.handlerClass());
        assertEquals("handleRequest", article.handlerMethod());
    }

    @Test
    void projectTemplateGlobalsAreMergedAndFunctionValuesWin() {
        SamTemplate template = SamTemplate.read(TEMPLATE);
        SamTemplate.Function harvest = template.function("HarvestFunction");
        SamTemplate.Function article = template.function("ArticleFunction");

        for (SamTemplate.Function f : List.of(harvest, article)) {
            assertEquals("java21", f.runtime(), f.logicalId());
            assertEquals(1024, f.memoryMb(), f.logicalId());
            assertEquals("news-harvester", f.environment().get("POWERTOOLS_SERVICE_NAME"), f.logicalId());
            assertTrue(f.environment().get("JAVA_TOOL_OPTIONS").startsWith("-XX:+TieredCompilation -XX:TieredStopAtLevel=1"),
                    f.logicalId());
        }
        assertEquals(300, harvest.timeoutSeconds());
        assertEquals(60, article.timeoutSeconds());
    }

    @Test
    void projectTemplateEnvironmentResolvesAgainstGivenResources() {
        SamTemplate template = SamTemplate.read(TEMPLATE);

        Map<String, String> harvest = template.function("HarvestFunction", LOCAL_RESOURCES).environment();
        assertEquals("Articles", harvest.get("ARTICLES_TABLE"));
        assertEquals("news-harvester-archive", harvest.get("ARCHIVE_BUCKET"));
        assertEquals("http://127.0.0.1:9324/000000000000/article-tasks", harvest.get("TASK_QUEUE_URL"));
        // parameters fall back to their defaults
        assertEquals("", harvest.get("OUTLETS_URI"));
        assertEquals("news-harvester/0.1 (+https://github.com/news-harvester/news-harvester)", harvest.get("USER_AGENT"));
        assertEquals("INFO", harvest.get("LOG_LEVEL"));
        assertTrue(harvest.get("JAVA_TOOL_OPTIONS").endsWith("-Dorg.slf4j.simpleLogger.defaultLogLevel=INFO"),
                harvest.get("JAVA_TOOL_OPTIONS"));

        assertEquals("Fleet", harvest.get("FLEET_TABLE"), "from Globals");

        // the worker: Globals plus its own TASK_QUEUE_URL
        Map<String, String> article = template.function("ArticleFunction", LOCAL_RESOURCES).environment();
        assertEquals("Articles", article.get("ARTICLES_TABLE"));
        assertEquals("Fleet", article.get("FLEET_TABLE"));
        assertEquals("http://127.0.0.1:9324/000000000000/article-tasks", article.get("TASK_QUEUE_URL"));
    }

    @Test
    void givenValuesOverrideParameterDefaults() {
        Map<String, String> env = SamTemplate.read(TEMPLATE)
                .function("ArticleFunction", Map.of("OutletsUri", "/srv/outlets.yaml", "LogLevel", "DEBUG"))
                .environment();
        assertEquals("/srv/outlets.yaml", env.get("OUTLETS_URI"));
        assertEquals("DEBUG", env.get("LOG_LEVEL"));
        assertTrue(env.get("JAVA_TOOL_OPTIONS").endsWith("defaultLogLevel=DEBUG"));
        assertEquals("", env.get("ARTICLES_TABLE"), "an unknown resource resolves to empty");
    }

    @Test
    void unknownFunctionNamesTheKnownOnes() {
        SamTemplate template = SamTemplate.read(TEMPLATE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> template.function("HarvesterFunction"));
        assertTrue(e.getMessage().contains("'HarvesterFunction'"), e.getMessage());
        assertTrue(e.getMessage().contains("HarvestFunction, ArticleFunction"), e.getMessage());
    }

    @Test
    void productionTemplateNeverOpensTheAddressGuard() {
        SamTemplate template = SamTemplate.read(TEMPLATE);
        for (String id : template.functionIds()) {
            assertFalse(template.function(id).environment().containsKey("ALLOW_PRIVATE_NETWORKS"), id);
        }
    }

    // ------------------------------------------------------------------ short-form tags, Globals, resolution

    private static final String TAGGED = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: dev
              NoDefault:
                Type: String
              Memory:
                Type: Number
                Default: 512
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Globals:
              Function:
                Runtime: java21
                Timeout: 30
                MemorySize: !Ref Memory
                Layers: [!Ref SharedLayer]
                Environment:
                  Variables:
                    SHARED: global
                    OVERRIDDEN: global
                    STAGE: !Ref Stage
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: !If [IsProd, 900, 60]
                  Tags:
                    - Key: arn
                      Value: !Select [0, !Split [",", !Join [",", [a, b]]]]
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.example.Worker::handle
                  Timeout: 10
                  Environment:
                    Variables:
                      OVERRIDDEN: own
                      QUEUE_URL: !Ref Queue
                      QUEUE_ARN: !GetAtt Queue.Arn
                      QUEUE_ARN_LIST: !GetAtt [Queue, Arn]
                      QUEUE_ARN_LONG: {"Fn::GetAtt": ["Queue", "Arn"]}
                      STAGE_LONG: {"Ref": "Stage"}
                      MISSING: !Ref NoDefault
                      UNKNOWN_ATT: !GetAtt Other.Arn
                      SUB: !Sub "${Stage}|${Queue}|${Queue.Arn}|${!Literal}|${AWS::Region}"
                      SUB_LIST: !Sub
                        - "${Name}/${Stage}"
                        - Name: !Ref Queue
                      JOINED: !Join [":", [a, !Ref Stage, 3]]
                      NUMBER: 42
                      FLAG: true
              Plain:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: com.example.Plain
                  Runtime: java17
                  Role: !GetAtt PlainRole.Arn
                  Code:
                    ZipFile: x
              Conditional:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.example.Conditional::handle
                  Environment:
                    Variables:
                      MODE: !If [IsProd, fast, safe]
            """;

    private static SamTemplate write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, yaml);
        return SamTemplate.read(file);
    }

    @Test
    void shortFormTagsParseAndResolve(@TempDir Path dir) throws IOException {
        SamTemplate template = write(dir, TAGGED);
        assertEquals(List.of("Worker", "Plain", "Conditional"), List.copyOf(template.functionIds()));

        SamTemplate.Function worker = template.function("Worker", Map.of(
                "Queue", "https://sqs.eu-central-1.amazonaws.com/123456789012/q",
                "Queue.Arn", "arn:aws:sqs:eu-central-1:123456789012:q",
                "AWS::Region", "eu-central-1"));
        Map<String, String> env = worker.environment();

        // Globals first, then the function's new keys; a shared key keeps its place, takes the function's value
        assertEquals(List.of("SHARED", "OVERRIDDEN", "STAGE", "QUEUE_URL", "QUEUE_ARN", "QUEUE_ARN_LIST",
                "QUEUE_ARN_LONG", "STAGE_LONG", "MISSING", "UNKNOWN_ATT", "SUB", "SUB_LIST", "JOINED", "NUMBER",
                "FLAG"), List.copyOf(env.keySet()));
        assertEquals("global", env.get("SHARED"));
        assertEquals("own", env.get("OVERRIDDEN"));
        assertEquals("dev", env.get("STAGE"));
        assertEquals("https://sqs.eu-central-1.amazonaws.com/123456789012/q", env.get("QUEUE_URL"));
        assertEquals("arn:aws:sqs:eu-central-1:123456789012:q", env.get("QUEUE_ARN"));
        assertEquals("arn:aws:sqs:eu-central-1:123456789012:q", env.get("QUEUE_ARN_LIST"));
        assertEquals("arn:aws:sqs:eu-central-1:123456789012:q", env.get("QUEUE_ARN_LONG"));
        assertEquals("dev", env.get("STAGE_LONG"));
        assertEquals("", env.get("MISSING"));
        assertEquals("", env.get("UNKNOWN_ATT"));
        assertEquals("dev|https://sqs.eu-central-1.amazonaws.com/123456789012/q|arn:aws:sqs:eu-central-1:123456789012:q"
                + "|${Literal}|eu-central-1", env.get("SUB"));
        assertEquals("https://sqs.eu-central-1.amazonaws.com/123456789012/q/dev", env.get("SUB_LIST"));
        assertEquals("a:dev:3", env.get("JOINED"));
        assertEquals("42", env.get("NUMBER"));
        assertEquals("true", env.get("FLAG"));

        assertEquals("com.example.Worker", worker.handlerClass());
        assertEquals("handle", worker.handlerMethod());
        assertEquals(10, worker.timeoutSeconds(), "the function's Timeout wins over Globals");
        assertEquals(512, worker.memoryMb(), "MemorySize from Globals, a Ref to a parameter default");
        assertEquals("java21", worker.runtime());
        assertThrows(UnsupportedOperationException.class, () -> env.put("X", "y"));
    }

    @Test
    void globalsDoNotApplyToPlainLambdaFunctions(@TempDir Path dir) throws IOException {
        SamTemplate.Function plain = write(dir, TAGGED).function("Plain");
        assertEquals("com.example.Plain", plain.handlerClass());
        assertEquals("handleRequest", plain.handlerMethod(), "Lambda's default method");
        assertEquals("java17", plain.runtime());
        assertEquals(3, plain.timeoutSeconds(), "Lambda's default timeout");
        assertEquals(128, plain.memoryMb(), "Lambda's default memory");
        assertTrue(plain.environment().isEmpty());
    }

    @Test
    void unresolvableIntrinsicInEnvironmentIsNamed(@TempDir Path dir) throws IOException {
        SamTemplate template = write(dir, TAGGED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> template.function("Conditional"));
        assertTrue(e.getMessage().contains("MODE"), e.getMessage());
        assertTrue(e.getMessage().contains("Fn::If"), e.getMessage());
        assertTrue(e.getMessage().contains("'Conditional'"), e.getMessage());
    }

    @Test
    void nonNumericTimeoutIsRefused(@TempDir Path dir) throws IOException {
        SamTemplate template = write(dir, """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Timeout: soon
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> template.function("Fn"));
        assertTrue(e.getMessage().contains("Timeout") && e.getMessage().contains("'soon'"), e.getMessage());
    }

    @Test
    void functionWithoutHandlerIsRefused(@TempDir Path dir) throws IOException {
        SamTemplate template = write(dir, """
                Resources:
                  Image:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      ImageUri: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/x:latest
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> template.function("Image"));
        assertTrue(e.getMessage().contains("no Handler"), e.getMessage());
    }

    @Test
    void notATemplateIsRefused(@TempDir Path dir) throws IOException {
        IllegalArgumentException noResources = assertThrows(IllegalArgumentException.class,
                () -> write(dir, "outlets:\n  - id: unn\n"));
        assertTrue(noResources.getMessage().contains("no Resources"), noResources.getMessage());

        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> write(dir, "Resources:\n  Fn: [unclosed\n"));
        assertTrue(broken.getMessage().contains("template.yaml"), broken.getMessage());

        assertThrows(IllegalArgumentException.class, () -> write(dir, ""));
        assertThrows(UncheckedIOException.class, () -> SamTemplate.read(dir.resolve("missing.yaml")));
    }
}
