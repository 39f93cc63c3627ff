package dev.newsharvester.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.local.LocalInvoker;
import dev.newsharvester.local.SamTemplate;
import dev.newsharvester.pipeline.Harvester;
import dev.newsharvester.pipeline.Settings;
import dev.newsharvester.pipeline.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Run a function of template.yaml with an event file, as `sam local invoke` would (handler, environment and timeout from the template), against the embedded store.")
final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FUNCTION_ID", description = "Logical id in template.yaml, e.g. HarvestFunction.")
    String functionId;

    @Parameters(index = "1", paramLabel = "EVENT.json", description = "The event file, e.g. events/schedule.json.")
    Path eventFile;

    @Option(names = {"-t", "--template"}, paramLabel = "FILE", defaultValue = "template.yaml", description = "SAM template (default: ${DEFAULT-VALUE}).")
    Path template;

    @Option(names = {"-n", "--env-vars"}, paramLabel = "FILE",
            description = "JSON overriding environment variables, as for sam local invoke: {\"FunctionId\": {\"VAR\": \"value\"}} or {\"Parameters\": {…}}.")
    Path envVars;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        SamTemplate sam;
        try {
            sam = SamTemplate.read(template);
        } catch (RuntimeException e) {
            if (!Files.exists(template)) {
                throw new IllegalArgumentException("template not found: " + template + " (run from the project folder or give --template)");
            }
            throw e;
        }
        byte[] event;
        try {
            event = Files.readAllBytes(eventFile);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("event file not found: " + eventFile);
        }
        try (StoreOptions.Store s = store.create(); StoreOptions.SearchUpdates search = store.searchUpdates(s)) {
            Map<String, String> resources = new HashMap<>();
            resources.put("ArticlesTable", s.settings().articlesTable());
            resources.put("ArchiveBucket", s.settings().archiveBucket());
            resources.put("ArticleTaskQueue", "");  // no queue locally: harvest processes inline
            SamTemplate.Function fn = sam.function(functionId, resources);
            Map<String, String> env = new HashMap<>(System.getenv());
            fn.environment().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    env.put(k, v);
                }
            });
            env.putAll(overrides(functionId));
            Settings settings = Settings.fromEnvironment(env);
            if (!store.aws) {
                settings = settings.withStore(s.settings().articlesTable(), s.settings().archiveBucket());
            }
            Harvester harvester = Wiring.publishingHarvester(settings, s.s3(), s.dynamoDb(), Wiring.sqsIfQueued(settings), search.sink());
            System.err.printf("Invoking %s.%s (java21) with %s, timeout %ds%n", fn.handlerClass(), fn.handlerMethod(), eventFile, fn.timeoutSeconds());
            LocalInvoker.Result result = LocalInvoker.invoke(fn, harvester, event, System.err);
            System.err.printf("END Duration: %d ms%n", result.millis());
            if (!result.ok()) {
                System.out.println(Json.MAPPER.createObjectNode().put("errorMessage", result.error()).toString());
                return 1;
            }
            System.out.println(result.output());
            return 0;
        }
    }

    private Map<String, String> overrides(String id) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (envVars == null) {
            return out;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(envVars));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--env-vars file not found: " + envVars);
        }
        for (String section : new String[] {"Parameters", id}) {
            JsonNode vars = root.path(section);
            for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }
}
