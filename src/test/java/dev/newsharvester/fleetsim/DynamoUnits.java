package dev.newsharvester.fleetsim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ESTIMATED DynamoDB capacity units of one call, from the request and response objects (so it works the same for an
 * HTTP client and for DynamoDB Local's in-process client, which has no HTTP layer). Sizes are those of the object
 * written as AWS JSON (member names and values as on the wire; close to, not exactly, the SDK's request body).
 * <ul>
 *   <li>writes (PutItem, UpdateItem, DeleteItem; each item of BatchWriteItem): ceil(request JSON bytes / 1024), at
 *       least 1 WRU; TransactWriteItems: twice that per item;</li>
 *   <li>reads (GetItem, Query, Scan): ceil(response JSON bytes / 4096), at least 1 RRU; BatchGetItem per returned
 *       item; halved unless ConsistentRead is true; TransactGetItems: twice per item.</li>
 * </ul>
 * DynamoDB really bills item sizes (an UpdateItem the larger of the item before and after), and writes to global
 * secondary indexes cost their own WRU, which this leaves out: treat the figures as estimates of the base table.
 */
final class DynamoUnits {

    /** Write and read units, reads in half units so eventually consistent reads stay exact. */
    record Units(long writeUnits, long readHalfUnits) {
        static final Units NONE = new Units(0, 0);
    }

    private DynamoUnits() {
    }

    static Units of(Object request, Object response) {
        if (request instanceof PutItemRequest || request instanceof UpdateItemRequest || request instanceof DeleteItemRequest) {
            return new Units(kb(jsonBytes(request), 1024), 0);
        }
        if (request instanceof BatchWriteItemRequest b) {
            long w = 0;
            for (List<WriteRequest> list : b.requestItems().values()) {
                for (WriteRequest wr : list) {
                    w += kb(jsonBytes(wr), 1024);
                }
            }
            return new Units(w, 0);
        }
        if (request instanceof TransactWriteItemsRequest t) {
            long w = 0;
            for (var item : t.transactItems()) {
                w += 2 * kb(jsonBytes(item), 1024);
            }
            return new Units(w, 0);
        }
        if (request instanceof GetItemRequest g) {
            return new Units(0, reads(jsonBytes(response), g.consistentRead()));
        }
        if (request instanceof QueryRequest q) {
            return new Units(0, reads(jsonBytes(response), q.consistentRead()));
        }
        if (request instanceof ScanRequest s) {
            return new Units(0, reads(jsonBytes(response), s.consistentRead()));
        }
        if (request instanceof BatchGetItemRequest b && response instanceof BatchGetItemResponse r) {
            long half = 0;
            for (Map.Entry<String, List<Map<String, AttributeValue>>> e : r.responses().entrySet()) {
                KeysAndAttributes ka = b.requestItems().get(e.getKey());
                Boolean consistent = ka == null ? null : ka.consistentRead();
                for (Map<String, AttributeValue> item : e.getValue()) {
                    half += reads(itemJsonBytes(item), consistent);
                }
            }
            return new Units(0, half);
        }
        if (request instanceof TransactGetItemsRequest && response instanceof TransactGetItemsResponse r) {
            long half = 0;
            for (var item : r.responses()) {
                half += 4 * kb(jsonBytes(item.item()), 4096); // transactional: 2 RRU per 4 KB
            }
            return new Units(0, half);
        }
        return Units.NONE;
    }

    private static long reads(long bytes, Boolean consistent) {
        long units = kb(bytes, 4096);
        return Boolean.TRUE.equals(consistent) ? 2 * units : units; // half units: eventually consistent = 1/2 RRU
    }

    private static long kb(long bytes, int unit) {
        return Math.max(1, (bytes + unit - 1) / unit);
    }

    /** The object written as AWS JSON, in bytes (0 for null). */
    static long jsonBytes(Object value) {
        if (value == null) {
            return 0;
        }
        StringBuilder sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    static long itemJsonBytes(Map<String, AttributeValue> item) {
        return jsonBytes(item);
    }

    private static void write(StringBuilder sb, Object v) {
        if (v instanceof SdkPojo pojo) {
            sb.append('{');
            boolean first = true;
            for (SdkField<?> f : pojo.sdkFields()) {
                Object fv = f.getValueOrDefault(pojo);
                if (fv == null || fv instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
                        || fv instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, f.locationName() != null ? f.locationName() : f.memberName());
                sb.append(':');
                write(sb, fv);
            }
            sb.append('}');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, o);
            }
            sb.append(']');
        } else if (v instanceof SdkBytes b) {
            string(sb, Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            string(sb, String.valueOf(v));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
