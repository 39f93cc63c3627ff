package dev.newsharvester.fleetsim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
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
 * When the table's description is known, a PutItem (or a put in BatchWriteItem) is also charged the index entries
 * it writes: ceil(projected entry JSON bytes / 1024) per global secondary index whose keys the item has.
 * DynamoDB really bills item sizes: an UpdateItem costs the larger of the item before and after (a small update of a
 * large item costs more than its request), a DeleteItem the deleted item, and updates touching projected attributes
 * write index entries too; none of that is visible from the request, so treat every figure as an estimate.
 */
final class DynamoUnits {

    /** Write and read units, reads in half units so eventually consistent reads stay exact; GSI writes apart. */
    record Units(long writeUnits, long readHalfUnits, long indexWriteUnits) {
        static final Units NONE = new Units(0, 0, 0);

        Units(long writeUnits, long readHalfUnits) {
            this(writeUnits, readHalfUnits, 0);
        }
    }

    /** A global secondary index: its key attributes and which other attributes it projects (null = ALL). */
    record Index(String name, Set<String> keys, Set<String> projected) {
        /** The index entry of {@code item} (table keys included), or null when the item lacks an index key. */
        Map<String, AttributeValue> entry(Map<String, AttributeValue> item, Set<String> tableKeys) {
            if (!item.keySet().containsAll(keys)) {
                return null; // sparse index: no entry
            }
            Map<String, AttributeValue> e = new java.util.TreeMap<>();
            item.forEach((k, v) -> {
                if (projected == null || keys.contains(k) || tableKeys.contains(k) || projected.contains(k)) {
                    e.put(k, v);
                }
            });
            return e;
        }
    }

    /** A table's key attributes and global secondary indexes. */
    record Table(Set<String> keys, List<Index> indexes) {
        static Table of(TableDescription d) {
            Set<String> keys = new java.util.HashSet<>();
            d.keySchema().forEach(k -> keys.add(k.attributeName()));
            List<Index> indexes = new java.util.ArrayList<>();
            for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
                Set<String> ik = new java.util.HashSet<>();
                g.keySchema().forEach(k -> ik.add(k.attributeName()));
                Projection p = g.projection();
                Set<String> projected = p.projectionType() == ProjectionType.ALL ? null
                        : p.projectionType() == ProjectionType.INCLUDE ? Set.copyOf(p.nonKeyAttributes()) : Set.of();
                indexes.add(new Index(g.indexName(), Set.copyOf(ik), projected));
            }
            return new Table(Set.copyOf(keys), List.copyOf(indexes));
        }

        /** WRU of the index entries a put of {@code item} writes. */
        long indexWriteUnits(Map<String, AttributeValue> item) {
            long w = 0;
            for (Index i : indexes) {
                Map<String, AttributeValue> e = i.entry(item, keys);
                if (e != null) {
                    w += kb(itemJsonBytes(e), 1024);
                }
            }
            return w;
        }
    }

    private DynamoUnits() {
    }

    /**
     * The units of one call; {@code tables} gives a table's indexes (or null when unknown), for the index entries a
     * PutItem writes. Updates and deletes are charged no index writes (their item is not known here).
     */
    static Units of(Object request, Object response, java.util.function.Function<String, Table> tables) {
        if (request instanceof PutItemRequest p) {
            Table t = tables.apply(p.tableName());
            return new Units(kb(jsonBytes(request), 1024), 0, t == null ? 0 : t.indexWriteUnits(p.item()));
        }
        if (request instanceof BatchWriteItemRequest b) {
            long w = 0;
            long iw = 0;
            for (Map.Entry<String, List<WriteRequest>> e : b.requestItems().entrySet()) {
                Table t = tables.apply(e.getKey());
                for (WriteRequest wr : e.getValue()) {
                    w += kb(jsonBytes(wr), 1024);
                    if (t != null && wr.putRequest() != null) {
                        iw += t.indexWriteUnits(wr.putRequest().item());
                    }
                }
            }
            return new Units(w, 0, iw);
        }
        return of(request, response);
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
