package dev.newsharvester.fleet;

import static dev.newsharvester.fleet.FleetTable.hostKey;
import static dev.newsharvester.fleet.FleetTable.key;
import static dev.newsharvester.fleet.FleetTable.longOf;
import static dev.newsharvester.fleet.FleetTable.n;
import static dev.newsharvester.fleet.FleetTable.s;
import static dev.newsharvester.fleet.FleetTable.stringOf;

import dev.newsharvester.fetch.RobotsStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * robots.txt answers shared by the fleet, in the host's partition of the fleet table (gzip; an answer that does
 * not fit an item is not shared). With it an origin's robots.txt is read once a day by the whole fleet rather than
 * once per instance. Read eventually consistent: two instances may both read robots.txt in the same second, which
 * the host lease still paces.
 */
public final class SharedRobots implements RobotsStore {

    private static final int MAX_GZIP = 300 * 1024;
    private static final Duration KEEP = Duration.ofDays(7);

    private final DynamoDbClient ddb;
    private final String table;

    public SharedRobots(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    @Override
    public Optional<Kept> get(String origin) {
        try {
            Map<String, AttributeValue> i = ddb.getItem(b -> b.tableName(table).key(itemKey(origin))).item();
            if (i == null || i.isEmpty()) {
                return Optional.empty();
            }
            AttributeValue body = i.get("body");
            return Optional.of(new Kept((int) longOf(i, "status", 0), stringOf(i, "contentType"),
                    body == null ? new byte[0] : gunzip(body.b().asByteArray()), stringOf(i, "etag"),
                    stringOf(i, "lastModified"), Instant.ofEpochMilli(longOf(i, "fetchedAt", 0))));
        } catch (SdkException | UncheckedIOException e) {
            return Optional.empty();  // fetch it again rather than fail the article
        }
    }

    @Override
    public void put(String origin, Kept kept) {
        byte[] gz = gzip(kept.body());
        if (gz.length > MAX_GZIP) {
            return;
        }
        Map<String, AttributeValue> item = new HashMap<>(itemKey(origin));
        item.put("status", n(kept.httpStatus()));
        item.put("body", AttributeValue.fromB(SdkBytes.fromByteArray(gz)));
        item.put("fetchedAt", n(kept.fetchedAt().toEpochMilli()));
        item.put(FleetTable.EXPIRES, n(kept.fetchedAt().plus(KEEP).getEpochSecond()));
        if (kept.contentType() != null) {
            item.put("contentType", s(kept.contentType()));
        }
        if (kept.etag() != null) {
            item.put("etag", s(kept.etag()));
        }
        if (kept.lastModified() != null) {
            item.put("lastModified", s(kept.lastModified()));
        }
        try {
            ddb.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            // not shared this time: other instances read robots.txt themselves
        }
    }

    private static Map<String, AttributeValue> itemKey(String origin) {
        return key(hostKey(URI.create(origin).getHost().toLowerCase(java.util.Locale.ROOT)), "robots#" + origin);
    }

    private static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, b.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] b) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
