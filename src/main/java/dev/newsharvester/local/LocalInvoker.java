package dev.newsharvester.local;

import com.amazonaws.services.lambda.runtime.Context;
import dev.newsharvester.pipeline.Harvester;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a function of {@code template.yaml} in this JVM the way {@code sam local invoke} runs it in a
 * container: the handler class and method named by the template, its timeout, and a Lambda context.
 * Handlers are given the harvester (wired from the template's environment) through their one-argument
 * constructor, so the same class serves Lambda and local runs.
 */
public final class LocalInvoker {

    private LocalInvoker() {
    }

    /** What the function returned, or the error it raised. */
    public record Result(String output, String error, long millis) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Result invoke(SamTemplate.Function fn, Harvester harvester, byte[] event, PrintStream log) {
        Object handler = instantiate(fn, harvester);
        Method method = method(fn, handler.getClass());
        Context context = new LocalContext(fn.logicalId(), fn.memoryMb(), fn.timeoutSeconds(), log);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "local-invoke-" + fn.logicalId());
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        Future<?> call = runner.submit(() -> {
            method.invoke(handler, new ByteArrayInputStream(event), output, context);
            return null;
        });
        try {
            call.get(fn.timeoutSeconds(), TimeUnit.SECONDS);
            return new Result(output.toString(StandardCharsets.UTF_8), null, elapsed(start));
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Result(null, "Task timed out after " + fn.timeoutSeconds() + " seconds", elapsed(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
            return new Result(null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted", elapsed(start));
        } finally {
            runner.shutdownNow();
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static Object instantiate(SamTemplate.Function fn, Harvester harvester) {
        try {
            Class<?> type = Class.forName(fn.handlerClass());
            return type.getConstructor(Harvester.class).newInstance(harvester);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(fn.logicalId() + ": handler class " + fn.handlerClass() + " does not exist");
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(fn.logicalId() + ": " + fn.handlerClass() + " has no constructor taking a Harvester");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(fn.logicalId() + ": cannot create " + fn.handlerClass() + ": " + e, e);
        }
    }

    private static Method method(SamTemplate.Function fn, Class<?> type) {
        try {
            return type.getMethod(fn.handlerMethod(), InputStream.class, OutputStream.class, Context.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(fn.logicalId() + ": " + fn.handlerClass() + " has no method "
                    + fn.handlerMethod() + "(InputStream, OutputStream, Context)");
        }
    }
}
