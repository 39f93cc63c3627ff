package dev.newsharvester.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** template.yaml against the code: what Lambda will look for must exist. */
class TemplateContractTest {

    private static final Path TEMPLATE = Path.of("template.yaml");

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

    @Test
    void taskQueueOutlastsTheArticleFunction() throws IOException {
        // AWS: an SQS source's visibility timeout must be at least 6 x the function timeout, or
        // messages come back while still being worked on. Plain properties: a tag-blind read is fine.
        JsonNode queue = new YAMLMapper().readTree(TEMPLATE.toFile()).path("Resources").path("ArticleTaskQueue");
        int visibility = queue.path("Properties").path("VisibilityTimeout").asInt(-1);
        int timeout = SamTemplate.read(TEMPLATE).function("ArticleFunction").timeoutSeconds();
        assertTrue(visibility >= 6 * timeout, "VisibilityTimeout " + visibility + " < 6 x " + timeout);
    }
}
