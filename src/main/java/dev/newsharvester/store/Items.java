package dev.newsharvester.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * String and time attributes of the store's DynamoDB items, shared by every item format ({@link VersionItem} owns a
 * version's, the other classes their own).
 */
final class Items {

    /** Fixed width (always three fraction digits), unlike Instant.toString, so lexical order = time order. */
    private static final DateTimeFormatter TS_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Items() {
    }

    static String formatTs(Instant instant) {
        return TS_FORMAT.format(instant);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }
}
