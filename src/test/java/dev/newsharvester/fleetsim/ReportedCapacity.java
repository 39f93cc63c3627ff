package dev.newsharvester.fleetsim;

import java.util.Collection;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

/**
 * Capacity as DynamoDB Local reports it (it computes consumed capacity as DynamoDB does: item sizes, the larger of
 * before and after for updates, index entries): the counting wrapper asks for {@code ReturnConsumedCapacity=INDEXES}
 * on every call that did not ask itself (absent or NONE), reads the figure, and removes it from the response again, so the handler sees
 * what it asked for.
 */
final class ReportedCapacity {

    private static final String RETURN = "ReturnConsumedCapacity";
    private static final String CONSUMED = "ConsumedCapacity";

    private ReportedCapacity() {
    }

    /** {@code request} asking for INDEXES capacity, or null when it asks for capacity itself (TOTAL, INDEXES) or cannot. */
    static DynamoDbRequest ask(DynamoDbRequest request) {
        SdkField<?> f = field(request, RETURN);
        Object asked = f == null ? null : f.getValueOrDefault(request);
        if (f == null || asked != null && !"NONE".equals(asked.toString())) {
            return null;
        }
        var builder = request.toBuilder();
        f.set(builder, "INDEXES");
        return (DynamoDbRequest) builder.build();
    }

    /** Total capacity units the response reports (table and indexes), 0 when none. */
    static double units(Object response) {
        if (!(response instanceof DynamoDbResponse r)) {
            return 0;
        }
        SdkField<?> f = field(r, CONSUMED);
        Object v = f == null ? null : f.getValueOrDefault(r);
        double sum = 0;
        if (v instanceof ConsumedCapacity c) {
            sum += c.capacityUnits() == null ? 0 : c.capacityUnits();
        } else if (v instanceof Collection<?> list) {
            for (Object o : list) {
                if (o instanceof ConsumedCapacity c && c.capacityUnits() != null) {
                    sum += c.capacityUnits();
                }
            }
        }
        return sum;
    }

    /** The response without the capacity we asked for. */
    static Object strip(Object response) {
        if (!(response instanceof DynamoDbResponse r)) {
            return response;
        }
        SdkField<?> f = field(r, CONSUMED);
        if (f == null) {
            return response;
        }
        var builder = r.toBuilder();
        f.set(builder, null);
        return builder.build();
    }

    private static SdkField<?> field(SdkPojo pojo, String name) {
        for (SdkField<?> f : pojo.sdkFields()) {
            if (name.equals(f.locationName()) || name.equals(f.memberName())) {
                return f;
            }
        }
        return null;
    }
}
