package dev.newsharvester.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class SettingsTest {

    @Test
    void readsTheEnvironmentOnceAndTreatsBlankAsAbsent() {
        Settings s = Settings.fromEnvironment(Map.of(Settings.ARTICLES_TABLE, "Articles", Settings.ARCHIVE_BUCKET, " b ",
                Settings.TASK_QUEUE_URL, "  ", Settings.FLEET_TABLE, "Fleet", "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324"));
        assertEquals("Articles", s.articlesTable());
        assertEquals("b", s.archiveBucket());
        assertNull(s.taskQueueUrl());
        assertFalse(s.queued());
        assertFalse(s.isFleet(), "a fleet needs the queue as well as the table");
        assertTrue(s.withFleet("https://sqs/q", "Fleet").isFleet());
        assertEquals(Region.EU_WEST_1, s.aws().region());
        assertEquals(URI.create("http://127.0.0.1:9324"), s.aws().sqs());
        assertNull(s.aws().s3());
    }

    @Test
    void theChangeEventBusIsOptionalAndSurvivesTheOtherWithers() {
        assertNull(Settings.fromEnvironment(Map.of(Settings.EVENT_BUS_NAME, " ")).eventBusName(), "blank = no publishing");
        Settings s = Settings.fromEnvironment(Map.of(Settings.EVENT_BUS_NAME, "news-changes",
                "AWS_ENDPOINT_URL_EVENTBRIDGE", "http://127.0.0.1:4010"));
        assertEquals("news-changes", s.eventBusName());
        assertEquals(URI.create("http://127.0.0.1:4010"), s.aws().eventBridge());
        Settings local = s.withStore("Articles", "bucket").withFleet(null, null).withFeedsDirectory("/tmp/data/feeds");
        assertEquals("news-changes", local.eventBusName());
        assertEquals("/tmp/data/feeds", local.withOutletsUri("outlets.yaml").feedsDirectory());
    }

    @Test
    void aMissingRequiredNameSaysWhichVariableAndWhatItHolds() {
        Settings s = Settings.fromEnvironment(Map.of());
        var e = assertThrows(IllegalStateException.class, s::articlesTableRequired);
        assertEquals("environment variable ARTICLES_TABLE is not set: set it to the DynamoDB index table's name",
                e.getMessage());
        assertThrows(IllegalStateException.class, s::taskQueueUrlRequired);
    }

    @Test
    void withersChangeOneThingAndKeepTheRest() {
        Settings s = Settings.store("t", "b").withOutletsUri("/tmp/outlets.yaml").withAllowPrivateNetworks("127.0.0.1/32");
        assertEquals(new Settings("t", "b", null, null, "/tmp/outlets.yaml", "127.0.0.1/32", null, null), s);
        assertEquals("t2", s.withStore("t2", "b2").articlesTable());
        assertEquals("/tmp/outlets.yaml", s.withStore("t2", "b2").outletsUri());
    }

    @Test
    void theOutletsTtlIsFiveMinutesUnlessSetAndABadValueSaysWhatToGive() {
        assertEquals(java.time.Duration.ofMinutes(5), Settings.fromEnvironment(Map.of()).outletsTtl());
        assertEquals(java.time.Duration.ZERO,
                Settings.fromEnvironment(Map.of(Settings.OUTLETS_TTL_SECONDS, "0")).outletsTtl());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of(Settings.OUTLETS_TTL_SECONDS, "5m")));
        assertEquals("environment variable OUTLETS_TTL_SECONDS must be a whole number of seconds, 0 or more, got '5m':"
                + " e.g. OUTLETS_TTL_SECONDS=300", e.getMessage());
        assertEquals(java.time.Duration.ofSeconds(60),
                Settings.store("t", "b").withOutletsTtl(java.time.Duration.ofSeconds(60)).withStore("t2", "b2").outletsTtl());
    }
}
