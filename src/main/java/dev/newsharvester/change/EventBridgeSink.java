package dev.newsharvester.change;

import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes each change to an EventBridge bus: source {@value #SOURCE}, a detail-type per kind ({@link #detailType}),
 * the {@link ChangeEventJson} document as detail, the event's time. A refused entry or a failed request is reported,
 * never thrown.
 */
public final class EventBridgeSink implements ChangeSink {

    public static final String SOURCE = "news-harvester";

    private final EventBridgeClient client;
    private final String busName;
    private final Consumer<String> report;

    public EventBridgeSink(EventBridgeClient client, String busName, Consumer<String> report) {
        this.client = Objects.requireNonNull(client, "client");
        if (busName == null || busName.isBlank()) {
            throw new IllegalArgumentException("event bus name must not be blank: set EVENT_BUS_NAME to the bus's name");
        }
        this.busName = busName;
        this.report = Objects.requireNonNull(report, "report");
    }

    public EventBridgeSink(EventBridgeClient client, String busName) {
        this(client, busName, Reports.STDERR);
    }

    /** "Article Added", "Article Revised", "Article Deleted", "Article Redirected", "Article Restored". */
    public static String detailType(ChangeKind kind) {
        return switch (kind) {
            case NEW -> "Article Added";
            case REVISED -> "Article Revised";
            case DELETED -> "Article Deleted";
            case REDIRECTED -> "Article Redirected";
            case RESTORED -> "Article Restored";
        };
    }

    @Override
    public void publish(ChangeEvent event) {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder().eventBusName(busName).source(SOURCE)
                .detailType(detailType(event.kind())).detail(ChangeEventJson.toJson(event)).time(event.at())
                .build();
        try {
            PutEventsResponse response = client.putEvents(b -> b.entries(entry));
            Integer failed = response.failedEntryCount();
            if (failed != null && failed > 0) {
                PutEventsResultEntry r = response.entries().isEmpty() ? null : response.entries().get(0);
                report.accept(Reports.line("EventBridge bus " + busName, event,
                        r == null ? "entry refused" : r.errorCode() + ": " + r.errorMessage()));
            }
        } catch (SdkException e) {
            report.accept(Reports.line("EventBridge bus " + busName, event, e.getMessage()));
        }
    }
}
