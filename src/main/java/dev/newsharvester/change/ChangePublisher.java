package dev.newsharvester.change;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The composite sink the pipeline is given: the change log first, then, only if this call created the log entry,
 * every downstream sink (EventBridge, the Atom feeds) in order.
 *
 * <p>Delivery: the event id is claimed exactly once (a write-once object, see {@link
 * dev.newsharvester.store.ChangeLog}), and the log entry written by the claiming call (at most once). Downstream sinks see each event at most once from this publisher: a
 * retried task that publishes the same event again finds the entry there and publishes nothing; an event whose log
 * write fails is reported and not published (so it can never be published twice). EventBridge itself may deliver
 * to a target more than once (the SDK retries a request whose answer was lost, and EventBridge's own delivery to
 * targets is at-least-once), so consumers drop repeats by the detail's {@code id}.
 */
public final class ChangePublisher implements ChangeSink {

    private final ChangeJournal journal;
    private final List<ChangeSink> downstream;
    private final Consumer<String> report;

    public ChangePublisher(ChangeJournal journal, List<ChangeSink> downstream, Consumer<String> report) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.downstream = List.copyOf(downstream);
        this.report = Objects.requireNonNull(report, "report");
    }

    /** Reports on standard error. */
    public ChangePublisher(ChangeJournal journal, List<ChangeSink> downstream) {
        this(journal, downstream, Reports.STDERR);
    }

    @Override
    public void publish(ChangeEvent event) {
        boolean created;
        try {
            created = journal.record(event);
        } catch (RuntimeException e) {
            report.accept(Reports.line("the change log", event, e.toString()));
            return;
        }
        if (!created) {
            return;   // published by the call that logged it
        }
        for (ChangeSink sink : downstream) {
            try {
                sink.publish(event);
            } catch (RuntimeException e) {   // a sink must not throw; one that does stops no other
                report.accept(Reports.line(sink.getClass().getSimpleName(), event, e.toString()));
            }
        }
    }
}
