package dev.newsharvester.fleetsim;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Emulates the Lambda SQS event source mapping with W concurrent workers. Each worker is a thread owning one
 * handler instance (a warm execution environment, reused for every invocation): it receives up to 10 messages
 * (long poll of 1 s), invokes the handler with the event Lambda would build ({@link SqsEvents}), and deletes every
 * message the response does not list in {@code batchItemFailures}. A handler that throws, or runs past the
 * timeout, fails the whole batch: nothing is deleted and the messages come back after their visibility timeout, as
 * in Lambda. Every invocation is recorded with its billed duration (rounded up to 1 ms; a run past the timeout is
 * billed the timeout, but its thread cannot be stopped, so that worker stays busy until the handler returns).
 *
 * <p>Unlike Lambda, which starts with a few pollers and scales concurrency with the backlog (and long-polls for up to
 * 20 s), the number of workers is fixed and each polls with a 1 s wait, so idle polling is far busier here: the
 * empty receives are counted apart ({@link #emptyReceives()}).
 *
 * <p>{@link #kill(int)} makes a worker abandon the next batch it receives and exit, like an instance dying with
 * messages in hand; {@link #addWorker()} starts a new instance.
 */
public final class EsmPoller implements AutoCloseable {

    /** One invocation: which worker, when (nanoTime), how long, how many records and how many came back failed. */
    public record Invocation(int worker, String requestId, long startNanos, long durationNanos, long billedMs,
            int records, int failed, String error, boolean timedOut) {
    }

    /** A batch a killed worker received and abandoned. */
    public record Abandoned(int worker, List<String> messageIds, long atNanos) {
    }

    /** Settings of the mapping and the function. */
    public record Options(int workers, Duration timeout, int memoryMb, String functionName, int batchSize,
            int waitSeconds, String region) {
        public static Options defaults(int workers) {
            return new Options(workers, Duration.ofSeconds(120), 1024, "ArticleFunction", 10, 1, "us-east-1");
        }

        public Options withTimeout(Duration t) {
            return new Options(workers, t, memoryMb, functionName, batchSize, waitSeconds, region);
        }

        public Options withFunctionName(String name) {
            return new Options(workers, timeout, memoryMb, name, batchSize, waitSeconds, region);
        }
    }

    private static final int LOG_LINES_KEPT = 20_000;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final Supplier<? extends RequestStreamHandler> factory;
    private final Options options;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Invocation> invocations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Abandoned> abandoned = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();
    private final AtomicLong logLineCount = new AtomicLong();
    private final AtomicLong initNanos = new AtomicLong();
    private final AtomicInteger invoking = new AtomicInteger();
    private final AtomicLong emptyReceives = new AtomicLong();
    private volatile boolean running = true;

    private final class Worker implements Runnable {
        final int index;
        final Thread thread;
        volatile boolean kill;
        volatile boolean dead;

        Worker(int index) {
            this.index = index;
            this.thread = new Thread(this, options.functionName() + "-worker-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                long t0 = System.nanoTime();
                RequestStreamHandler handler = factory.get(); // the INIT phase of this execution environment
                initNanos.addAndGet(System.nanoTime() - t0);
                while (running) {
                    List<Message> batch = receive();
                    if (batch.isEmpty()) {
                        continue;
                    }
                    if (kill) {
                        abandoned.add(new Abandoned(index, batch.stream().map(Message::messageId).toList(), System.nanoTime()));
                        return;
                    }
                    invoke(handler, batch);
                }
            } finally {
                dead = true;
            }
        }

        private List<Message> receive() {
            try {
                ReceiveMessageResponse r = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(options.batchSize()).waitTimeSeconds(options.waitSeconds())
                        .messageSystemAttributeNamesWithStrings("All").messageAttributeNames("All"));
                if (!r.hasMessages() || r.messages().isEmpty()) {
                    emptyReceives.incrementAndGet();
                }
                return r.messages();
            } catch (RuntimeException e) {
                if (running) {
                    pause(100); // the queue server is restarting or closing: poll again shortly
                }
                return List.of();
            }
        }

        private void invoke(RequestStreamHandler handler, List<Message> batch) {
            invoking.incrementAndGet();
            try {
                byte[] event = SqsEvents.event(batch, queueArn, options.region());
                SimContext context = new SimContext(options.functionName(), options.memoryMb(), options.timeout().toMillis(),
                        "worker-" + index, EsmPoller.this::log);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Invocation run = invokeDirect(index, handler, event, context, out);
                if (run.error() != null) {
                    log("ERROR worker-" + index + " " + run.error());
                }
                boolean timedOut = run.durationNanos() > options.timeout().toNanos();
                Set<String> ids = new HashSet<>();
                batch.forEach(m -> ids.add(m.messageId()));
                Optional<Set<String>> failed = run.error() != null || timedOut ? Optional.empty()
                        : SqsEvents.failedIds(out.toByteArray(), ids);
                List<Message> done = failed.map(f -> batch.stream().filter(m -> !f.contains(m.messageId())).toList())
                        .orElse(List.of());
                delete(done);
                // Lambda would have stopped it at the timeout (and billed that much); here the thread runs on
                long billed = timedOut ? options.timeout().toMillis() : run.billedMs();
                invocations.add(new Invocation(index, run.requestId(), run.startNanos(), run.durationNanos(), billed,
                        batch.size(), batch.size() - done.size(), run.error(), timedOut));
            } finally {
                invoking.decrementAndGet();
            }
        }

        private void delete(List<Message> done) {
            if (done.isEmpty()) {
                return;
            }
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < done.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(done.get(i).receiptHandle()).build());
            }
            try {
                var r = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                if (!r.failed().isEmpty()) {
                    log("ERROR worker-" + index + " DeleteMessageBatch failed for " + r.failed().size() + " message(s): "
                            + r.failed().get(0).message());
                }
            } catch (RuntimeException e) {
                log("ERROR worker-" + index + " DeleteMessageBatch: " + e.getMessage());
            }
        }
    }

    /** One direct invocation (the planner's): times it; an exception becomes the invocation's error. */
    static Invocation invokeDirect(int worker, RequestStreamHandler handler, byte[] event, SimContext context,
            ByteArrayOutputStream out) {
        String error = null;
        long start = System.nanoTime();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
        } catch (Exception | Error e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long d = System.nanoTime() - start;
        return new Invocation(worker, context.getAwsRequestId(), start, d, (d + 999_999) / 1_000_000, 0,
                error == null ? 0 : 1, error, false);
    }

    /** Starts {@code options.workers()} workers polling {@code queueUrl}. */
    public EsmPoller(SqsClient sqs, String queueUrl, Supplier<? extends RequestStreamHandler> factory, Options options) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = SqsEvents.queueArn(queueUrl, options.region());
        this.factory = factory;
        this.options = options;
        for (int i = 0; i < options.workers(); i++) {
            addWorker();
        }
    }

    /** Starts one more worker (a new execution environment); returns its index. */
    public synchronized int addWorker() {
        Worker w = new Worker(workers.size());
        workers.add(w);
        w.thread.start();
        return w.index;
    }

    /** Worker {@code i} abandons the next non-empty batch it receives (deleting nothing) and exits. */
    public void kill(int i) {
        workers.get(i).kill = true;
    }

    public boolean dead(int i) {
        return workers.get(i).dead;
    }

    /** Workers still running. */
    public int alive() {
        return (int) workers.stream().filter(w -> !w.dead).count();
    }

    /** Invocations running right now. */
    public int invoking() {
        return invoking.get();
    }

    public List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    public List<Abandoned> abandoned() {
        return List.copyOf(abandoned);
    }

    /** Billed ms of every finished invocation. */
    public long billedMs() {
        return invocations.stream().mapToLong(Invocation::billedMs).sum();
    }

    /** ReceiveMessage calls that returned nothing (idle polling; with Lambda's 20 s long polls far fewer). */
    public long emptyReceives() {
        return emptyReceives.get();
    }

    /** Time spent creating handler instances (the INIT phases), ms. */
    public long initMs() {
        return initNanos.get() / 1_000_000;
    }

    /** The last {@value #LOG_LINES_KEPT} log lines the handlers wrote (plus ERROR lines of the poller itself). */
    public List<String> logLines() {
        return List.copyOf(logLines);
    }

    public long logLineCount() {
        return logLineCount.get();
    }

    public Options options() {
        return options;
    }

    private void log(String line) {
        logLines.add(line);
        if (logLineCount.incrementAndGet() > LOG_LINES_KEPT) {
            logLines.poll();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling; waits for running invocations to finish (up to the timeout), then interrupts what is left. */
    @Override
    public void close() {
        running = false;
        long deadline = System.nanoTime() + Math.min(options.timeout().toNanos(), Duration.ofSeconds(30).toNanos());
        for (Worker w : workers) {
            try {
                w.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.stream().filter(w -> w.thread.isAlive()).forEach(w -> w.thread.interrupt());
    }
}
