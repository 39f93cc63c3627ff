package dev.newsharvester.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsharvester.store.Archive;
import dev.newsharvester.store.RawMetadata;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.newsharvester.local.TemplateNodes.RESOURCES;
import static dev.newsharvester.local.TemplateNodes.TREE;
import static dev.newsharvester.local.TemplateNodes.evaluate;
import static dev.newsharvester.local.TemplateNodes.getAttNode;
import static dev.newsharvester.local.TemplateNodes.list;
import static dev.newsharvester.local.TemplateNodes.ofType;
import static dev.newsharvester.local.TemplateNodes.refNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What guards the data: write-once archive prefixes enforced by S3, deletion protection, the optional backup. */
class TemplateProtectionTest {

    @Test
    void theBucketPolicyRefusesArchiveWritesWithoutIfNoneMatch() {
        JsonNode deny = bucketStatement("WriteOnceArchive");
        assertEquals("Deny", deny.path("Effect").asText());
        assertEquals("*", deny.path("Principal").asText());
        assertEquals("s3:PutObject", deny.path("Action").asText());
        assertEquals("true", deny.path("Condition").path("Null").path("s3:if-none-match").asText(),
                "denied when the request carries no If-None-Match");
        List<Pattern> denied = list(deny.path("Resource")).stream().map(r -> objectPattern(r.path("Fn::Sub").asText())).toList();
        assertEquals(2, denied.size(), "raw/ and clean/: " + deny.path("Resource"));

        // every key the archive writes falls under the deny, and every such write carries If-None-Match
        List<PutObjectRequest> puts = new ArrayList<>();
        Archive archive = new Archive(recordingS3(puts), "archive");
        LocalDate day = LocalDate.parse("2025-08-23");
        String url = "https://unn.ua/en/news/2025/08/23/budget-vote";
        String hash = "3f1c9a0b7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a";
        archive.putRaw(Archive.rawKey("unn", url, hash, day), "<html><p>Budget</p></html>".getBytes(StandardCharsets.UTF_8),
                new RawMetadata(url, 200, "text/html; charset=utf-8", "\"e1\"", null, Instant.parse("2025-08-23T10:00:00Z")));
        archive.putClean(Archive.cleanKey("unn", url, hash, day), "{\"title\":\"Budget\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, puts.size());
        for (PutObjectRequest put : puts) {
            assertTrue(denied.stream().anyMatch(p -> p.matcher(put.key()).matches()), put.key() + " is not write-once guarded");
            assertEquals("*", put.ifNoneMatch(), put.key() + " is written without If-None-Match: S3 would refuse it");
        }
        // health objects are replaced each run (health/latest): the deny must leave them alone
        assertFalse(denied.stream().anyMatch(p -> p.matcher("health/latest.json").matches()), "health/ is overwritten by design");
    }

    @Test
    void theBucketStaysTlsOnlyAndPrivate() {
        assertEquals("false", bucketStatement("DenyInsecureTransport").path("Condition").path("Bool")
                .path("aws:SecureTransport").asText());
        JsonNode block = RESOURCES.path("ArchiveBucket").path("Properties").path("PublicAccessBlockConfiguration");
        block.forEach(v -> assertTrue(v.asBoolean(), "public access block: " + block));
        assertEquals("Retain", RESOURCES.path("ArchiveBucket").path("DeletionPolicy").asText());
    }

    @Test
    void tablesAreProtectedUntilTheParameterLiftsIt() {
        for (String table : ofType(RESOURCES, "AWS::DynamoDB::Table").keySet()) {
            JsonNode p = RESOURCES.path(table).path("Properties");
            assertEquals(refNode("TableDeletionProtection"), p.path("DeletionProtectionEnabled"), table);
            assertEquals("expires", p.path("TimeToLiveSpecification").path("AttributeName").asText(), table + " TTL");
            assertTrue(p.path("TimeToLiveSpecification").path("Enabled").asBoolean(), table + " TTL");
        }
        JsonNode parameter = TREE.path("Parameters").path("TableDeletionProtection");
        assertEquals("true", parameter.path("Default").asText(), "protected unless lifted");
        assertEquals(List.of("true", "false"), list(parameter.path("AllowedValues")).stream().map(JsonNode::asText).toList());
        JsonNode articles = RESOURCES.path("ArticlesTable");
        assertEquals("Retain", articles.path("DeletionPolicy").asText(), "the index outlives the stack");
        assertTrue(articles.path("Properties").path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean());
    }

    @Test
    void theBackupIsOptionalAndCoversTheArticlesTable() {
        JsonNode condition = TREE.path("Conditions").path("BackupEnabled");
        assertEquals(true, evaluate(condition, Map.of("EnableBackup", "true")));
        assertEquals(false, evaluate(condition, Map.of("EnableBackup", "false")));
        assertEquals("false", TREE.path("Parameters").path("EnableBackup").path("Default").asText());
        for (String type : List.of("AWS::Backup::BackupVault", "AWS::Backup::BackupPlan", "AWS::Backup::BackupSelection")) {
            assertFalse(ofType(RESOURCES, type).isEmpty(), type);
            ofType(RESOURCES, type).forEach((id, r) -> assertEquals("BackupEnabled", r.path("Condition").asText(), id));
        }
        assertEquals("BackupEnabled", RESOURCES.path("BackupRole").path("Condition").asText());
        JsonNode selection = RESOURCES.path("BackupSelection").path("Properties").path("BackupSelection");
        assertEquals(List.of(getAttNode("ArticlesTable", "Arn")), list(selection.path("Resources")));
        JsonNode rule = RESOURCES.path("BackupPlan").path("Properties").path("BackupPlan").path("BackupPlanRule").path(0);
        assertEquals(refNode("BackupRetentionDays"), rule.path("Lifecycle").path("DeleteAfterDays"));
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode bucketStatement(String sid) {
        for (JsonNode s : RESOURCES.path("ArchiveBucketPolicy").path("Properties").path("PolicyDocument").path("Statement")) {
            if (s.path("Sid").asText().equals(sid)) {
                return s;
            }
        }
        throw new AssertionError("ArchiveBucketPolicy has no statement " + sid);
    }

    /** {@code ${ArchiveBucket.Arn}/raw/*} -> the object keys it names. */
    private static Pattern objectPattern(String sub) {
        String prefix = "${ArchiveBucket.Arn}/";
        assertTrue(sub.startsWith(prefix) && sub.endsWith("*"), sub);
        String key = sub.substring(prefix.length());
        assertNotNull(key);
        return Pattern.compile(Pattern.quote(key.substring(0, key.length() - 1)) + ".*");
    }

    /** An S3 client that records each PutObject request and answers it. */
    private static S3Client recordingS3(List<PutObjectRequest> puts) {
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("putObject") && args.length == 2 && args[0] instanceof PutObjectRequest r
                            && args[1] instanceof RequestBody) {
                        puts.add(r);
                        return PutObjectResponse.builder().eTag("\"e\"").build();
                    }
                    throw new UnsupportedOperationException("S3Client." + method.getName());
                });
    }
}
