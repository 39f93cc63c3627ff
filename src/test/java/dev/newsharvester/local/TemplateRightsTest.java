package dev.newsharvester.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.newsharvester.local.TemplateNodes.RESOURCES;
import static dev.newsharvester.local.TemplateNodes.TREE;
import static dev.newsharvester.local.TemplateNodes.branches;
import static dev.newsharvester.local.TemplateNodes.evaluate;
import static dev.newsharvester.local.TemplateNodes.getAttNode;
import static dev.newsharvester.local.TemplateNodes.list;
import static dev.newsharvester.local.TemplateNodes.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Least privilege in template.yaml: every role's statements, resource by resource. No {@code *} resource except
 * for the X-Ray actions that take none; SQS only on this stack's queues, logs only on the function's own log group,
 * DynamoDB on this stack's tables, S3 on named archive prefixes or the configured outlets object.
 */
class TemplateRightsTest {

    /** Actions that support no resource-level permission: the only ones allowed on {@code *}. */
    static final Set<String> RESOURCELESS_ACTIONS = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
    /** Archive prefixes a function may be granted (objects under them, never the whole bucket). */
    private static final Pattern ARCHIVE_PREFIX = Pattern.compile("(raw|clean|health|feeds|changes|compact|athena-results)/\\*");
    private static final Pattern TABLE_PART = Pattern.compile("|index/\\*|backup/\\*");
    private static final Pattern SUB_ARN = Pattern.compile("^\\$\\{([A-Za-z0-9]+)\\.(Arn|BackupVaultArn)}(?:/(.*))?$");
    private static final String OUTLETS_CONDITION = "HasS3Outlets";
    /** Bucket-level S3 actions, allowed only under an s3:prefix condition naming one of these prefixes. */
    private static final Set<String> LISTED_PREFIXES = Set.of("changes/", "clean/", "compact/", "athena-results/");
    /** The stack's Athena workgroup and Glue catalog entries, as Fn::Sub ARNs. */
    private static final Pattern ANALYTICS_ARN = Pattern.compile("^arn:\\$\\{AWS::Partition}:(glue|athena):\\$\\{AWS::Region}"
            + ":\\$\\{AWS::AccountId}:(catalog|database/\\$\\{(\\w+)}|table/\\$\\{(\\w+)}/\\$\\{(\\w+)}|workgroup/\\$\\{(\\w+)})$");

    /** What one Resource entry of a statement names. */
    private record Target(String type, String id, String path) {
        static final Target STAR = new Target("*", "*", "");
        static final Target OUTLETS = new Target("outlets", "OutletsUri", "");
        static final Target UNKNOWN = new Target("?", "?", "");
    }

    @Test
    void noRoleGrantsMoreThanItsFunctionUses() {
        assertEquals(List.of(), violations(RESOURCES));
    }

    @Test
    void theCheckFindsAWildcardAForeignQueueAndAnotherFunctionsLogGroup() {
        ObjectNode resources = RESOURCES.deepCopy();
        ArrayNode statements = (ArrayNode) resources.path("HarvestFunctionRole").path("Properties").path("Policies")
                .path(0).path("PolicyDocument").path("Statement");
        statements.addObject().put("Effect", "Allow").put("Action", "s3:GetObject").put("Resource", "*");
        statements.addObject().put("Effect", "Allow").put("Action", "sqs:ReceiveMessage")
                .put("Resource", "arn:aws:sqs:eu-central-1:123456789012:other-queue");
        statements.addObject().put("Effect", "Allow").put("Action", "logs:PutLogEvents")
                .set("Resource", getAttNode("ArticleFunctionLogGroup", "Arn"));
        statements.addObject().put("Effect", "Allow").put("Action", "s3:PutObject")
                .set("Resource", JsonNodeFactory.instance.objectNode().put("Fn::Sub", "${ArchiveBucket.Arn}/*"));
        statements.addObject().put("Effect", "Allow").put("Action", "s3:ListBucket")
                .set("Resource", getAttNode("ArchiveBucket", "Arn"));
        statements.addObject().put("Effect", "Allow").put("Action", "events:PutEvents")
                .put("Resource", "arn:aws:events:eu-central-1:123456789012:event-bus/default");
        ((ObjectNode) resources.path("ArticleFunctionRole").path("Properties")).putArray("ManagedPolicyArns")
                .add("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole");

        String found = String.join("\n", violations(resources));
        assertTrue(found.contains("HarvestFunctionRole grants s3:GetObject on *"), found);
        assertTrue(found.contains("HarvestFunctionRole grants sqs:ReceiveMessage on a resource that is not one of this stack's"), found);
        assertTrue(found.contains("HarvestFunctionRole grants logs:PutLogEvents on ArticleFunctionLogGroup"), found);
        assertTrue(found.contains("HarvestFunctionRole grants s3:PutObject on ArchiveBucket/*"), found);
        assertTrue(found.contains("ArticleFunctionRole attaches managed policies"), found);
        assertTrue(found.contains("HarvestFunctionRole grants s3:ListBucket on ArchiveBucket ("), found);
        assertTrue(found.contains("HarvestFunctionRole grants events:PutEvents on a resource that is not one of this stack's"), found);
    }

    @Test
    void theFunctionsHoldTheRightsTheFleetUses() {
        Map<String, Set<String>> planner = rights("HarvestFunctionRole");
        assertEquals(Set.of("sqs:SendMessage"), planner.get("ArticleTaskQueue"), "discovery tasks (and SendMessageBatch)");
        assertEquals(Set.of("sqs:SendMessage"), planner.get("HarvestScheduleDLQ"), "the OnFailure destination");
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"), planner.get("ArticlesTable"),
                "the health counters only");
        assertEquals(Set.of("s3:GetObject", "s3:PutObject"), planner.get("ArchiveBucket/health/*"));
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                "dynamodb:Query"), planner.get("FleetTable"), "the due index of revisits only");

        Map<String, Set<String>> worker = rights("ArticleFunctionRole");
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                "dynamodb:Query"), worker.get("FleetTable"), "host leases, frontier, tokens, robots.txt, claims");
        assertEquals(Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:SendMessage"),
                worker.get("ArticleTaskQueue"), "the event source polls with the role; the worker sends turns and articles");
        assertTrue(worker.get("ArticlesTable").containsAll(Set.of("dynamodb:GetItem", "dynamodb:PutItem",
                "dynamodb:UpdateItem", "dynamodb:Query")), "the index");
        assertEquals(Set.of("dynamodb:Query"), worker.get("ArticlesTable/index/*"));
        assertEquals(Set.of("s3:GetObject", "s3:PutObject"), worker.get("ArchiveBucket/raw/*"));
        assertEquals(Set.of("s3:GetObject", "s3:PutObject"), worker.get("ArchiveBucket/clean/*"));
        assertEquals(Set.of("s3:GetObject", "s3:PutObject"), worker.get("ArchiveBucket/changes/*"), "the change log");
        assertEquals(Set.of("s3:GetObject", "s3:PutObject"), worker.get("ArchiveBucket/feeds/*"), "feeds and diff pages");
        assertEquals(Set.of("s3:ListBucket"), worker.get("ArchiveBucket"), "listing the change log (under s3:prefix)");
        assertEquals(Set.of("events:PutEvents"), worker.get("ChangeEventBus"), "change events, on the stack's bus only");
        for (String role : List.of("HarvestFunctionRole", "ArticleFunctionRole")) {
            assertEquals(Set.of("s3:GetObject"), rights(role).get("outlets"), role + " reads an s3:// outlets file");
        }
    }

    @Test
    void thePlannerTouchesOnlyHealthItemsOfTheArticlesTable() {
        JsonNode health = statement("HarvestFunctionRole", "HealthCounters");
        assertEquals(getAttNode("ArticlesTable", "Arn"), health.path("Resource"));
        JsonNode leading = health.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys");
        // store.HealthCounters.PARTITION_PREFIX (another branch's class): the partition the counters live in
        assertEquals(List.of("health#*"), list(leading).stream().map(JsonNode::asText).toList());
    }

    @Test
    void thePlannerTouchesOnlyTheDueIndexOfTheFleetTable() {
        JsonNode due = statement("HarvestFunctionRole", "RevisitDueIndex");
        assertEquals(getAttNode("FleetTable", "Arn"), due.path("Resource"));
        JsonNode leading = due.path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys");
        // store.DueIndex: hour buckets and the watermark (due#...), a URL's pointer (revisit#...)
        assertEquals(List.of("due#*", "revisit#*"), list(leading).stream().map(JsonNode::asText).toList());
    }

    @Test
    void theOutletsObjectIsGrantedOnlyWhenOutletsUriIsAnS3Uri() {
        JsonNode condition = TREE.path("Conditions").path(OUTLETS_CONDITION);
        assertEquals(true, evaluate(condition, Map.of("OutletsUri", "s3://my-config/news/outlets.yaml")));
        assertEquals(false, evaluate(condition, Map.of("OutletsUri", "")));
        assertEquals(false, evaluate(condition, Map.of("OutletsUri", "outlets/ua.yaml")));
        assertEquals(false, evaluate(condition, Map.of("OutletsUri", "https://example.org/s3://x")));

        for (String role : List.of("HarvestFunctionRole", "ArticleFunctionRole")) {
            JsonNode resource = statement(role, "OutletsObject").path("Resource").path("Fn::Sub");
            assertEquals("arn:${AWS::Partition}:s3:::${Object}", resource.path(0).asText(), role);
            assertEquals("my-config/news/outlets.yaml",
                    evaluate(resource.path(1).path("Object"), Map.of("OutletsUri", "s3://my-config/news/outlets.yaml")), role);
        }
    }

    // ------------------------------------------------------------------ the check

    /** Every breach of the rules in the given Resources mapping, one line each naming role, action and resource. */
    static List<String> violations(JsonNode resources) {
        List<String> out = new ArrayList<>();
        Map<String, String> logGroupOfRole = new HashMap<>();
        ofType(resources, "AWS::Serverless::Function").forEach((id, function) -> {
            JsonNode p = function.path("Properties");
            if (p.has("Policies")) {
                out.add(id + " has Policies: give it Role instead (SAM's generated role adds managed policies)");
            }
            JsonNode role = p.path("Role").path("Fn::GetAtt");
            if (!role.isArray() || !resources.path(role.path(0).asText()).path("Type").asText().equals("AWS::IAM::Role")) {
                out.add(id + " has no Role: !GetAtt <a role of this template>.Arn");
                return;
            }
            logGroupOfRole.put(role.path(0).asText(), p.path("LoggingConfig").path("LogGroup").path("Ref").asText(null));
        });
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            ofType(resources, type).keySet().forEach(id -> out.add(id + ": write statements in the role they serve"));
        }
        ofType(resources, "AWS::IAM::Role").forEach((roleId, role) -> {
            if (!list(role.path("Properties").path("ManagedPolicyArns")).isEmpty()) {
                out.add(roleId + " attaches managed policies: write the statements out");
            }
            for (JsonNode policy : role.path("Properties").path("Policies")) {
                for (TemplateNodes.Branch b : branches(policy)) {
                    for (JsonNode s : b.value().path("PolicyDocument").path("Statement")) {
                        check(resources, roleId, logGroupOfRole.get(roleId), b.condition(), s, out);
                    }
                }
            }
        });
        return out;
    }

    private static void check(JsonNode resources, String role, String ownLogGroup, String condition, JsonNode s,
                              List<String> out) {
        if (s.has("NotResource") || s.has("NotAction")) {
            out.add(role + ": NotResource/NotAction grant everything else: " + s);
        }
        if (!s.path("Effect").asText().equals("Allow")) {
            return;
        }
        List<JsonNode> resourceList = list(s.path("Resource"));
        if (resourceList.isEmpty()) {
            out.add(role + ": a statement without Resource: " + s);
        }
        for (JsonNode actionNode : list(s.path("Action"))) {
            String action = actionNode.asText();
            if (!action.matches("[a-z0-9-]+:[A-Za-z]+")) {
                out.add(role + " grants '" + action + "': name each action, no wildcards");
                continue;
            }
            String service = action.substring(0, action.indexOf(':'));
            for (JsonNode resource : resourceList) {
                Target t = target(resources, resource);
                String why = listsTheChangeLog(action, t, s) ? null : allowed(service, action, t, ownLogGroup, condition);
                if (why != null) {
                    String named = t == Target.UNKNOWN ? "a resource that is not one of this stack's: " + resource
                            : t == Target.STAR ? "*" : t.id() + (t.path().isEmpty() ? "" : "/" + t.path());
                    out.add(role + " grants " + action + " on " + named + " (" + why + ")");
                }
            }
        }
    }

    /**
     * s3:ListBucket (and Athena's s3:GetBucketLocation) name the bucket itself: allowed only under an s3:prefix
     * condition within the change log, clean/, compact/ or athena-results/.
     */
    private static boolean listsTheChangeLog(String action, Target t, JsonNode s) {
        List<JsonNode> prefixes = list(s.path("Condition").path("StringLike").path("s3:prefix"));
        return (action.equals("s3:ListBucket") || action.equals("s3:GetBucketLocation"))
                && t.type().equals("AWS::S3::Bucket") && t.path().isEmpty() && !prefixes.isEmpty()
                && prefixes.stream().allMatch(p -> LISTED_PREFIXES.stream().anyMatch(p.asText()::startsWith));
    }

    /** Null when the action may be granted on the target, else why not. */
    private static String allowed(String service, String action, Target t, String ownLogGroup, String condition) {
        if (t == Target.STAR) {
            return RESOURCELESS_ACTIONS.contains(action) ? null : "only " + RESOURCELESS_ACTIONS + " may name *";
        }
        if (t == Target.UNKNOWN) {
            return "name a resource of this template";
        }
        return switch (service) {
            case "sqs" -> t.type().equals("AWS::SQS::Queue") && t.path().isEmpty() ? null : "SQS on this stack's queues only";
            case "logs" -> t.type().equals("AWS::Logs::LogGroup") && t.id().equals(ownLogGroup) && t.path().isEmpty()
                    ? null : "logs on the function's own log group (" + ownLogGroup + ") only";
            case "dynamodb" -> t.type().equals("AWS::DynamoDB::Table") && TABLE_PART.matcher(t.path()).matches()
                    ? null : "DynamoDB on this stack's tables, their indexes or backups";
            case "s3" -> (t == Target.OUTLETS && OUTLETS_CONDITION.equals(condition))
                    || (t.type().equals("AWS::S3::Bucket") && ARCHIVE_PREFIX.matcher(t.path()).matches())
                    ? null : "S3 on " + ARCHIVE_PREFIX.pattern() + " of the archive, or the outlets object under "
                    + OUTLETS_CONDITION;
            case "events" -> t.type().equals("AWS::Events::EventBus") && t.path().isEmpty() ? null
                    : "EventBridge on this stack's bus only";
            case "backup" -> t.type().equals("AWS::Backup::BackupVault") ? null : "backup on this stack's vault only";
            case "xray" -> null;
            case "athena" -> t.type().equals("AWS::Athena::WorkGroup") ? null : "Athena on this stack's workgroup only";
            case "glue" -> t.type().startsWith("AWS::Glue::") || t.type().equals("glue-catalog") ? null
                    : "Glue on this account's catalog and this stack's database and tables only";
            default -> "no function of this stack needs " + service;
        };
    }

    private static Target target(JsonNode resources, JsonNode resource) {
        if (resource.isTextual()) {
            return resource.asText().equals("*") ? Target.STAR : Target.UNKNOWN;
        }
        JsonNode getAtt = resource.get("Fn::GetAtt");
        if (resource.size() == 1 && getAtt != null && getAtt.isArray() && resources.has(getAtt.path(0).asText())
                && getAtt.path(1).asText().endsWith("Arn")) {
            return new Target(resources.path(getAtt.path(0).asText()).path("Type").asText(), getAtt.path(0).asText(), "");
        }
        JsonNode sub = resource.get("Fn::Sub");
        if (resource.size() == 1 && sub != null && sub.isTextual()) {
            Matcher m = SUB_ARN.matcher(sub.asText());
            if (m.matches() && resources.has(m.group(1))) {
                return new Target(resources.path(m.group(1)).path("Type").asText(), m.group(1),
                        m.group(3) == null ? "" : m.group(3));
            }
        }
        if (resource.size() == 1 && sub != null && sub.isTextual()) {
            Matcher m = ANALYTICS_ARN.matcher(sub.asText());
            if (m.matches()) {
                String id = m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : m.group(6);
                if (id == null) {
                    return new Target("glue-catalog", "catalog", "");
                }
                boolean ownDatabase = m.group(4) == null || resources.path(m.group(4)).path("Type").asText()
                        .equals("AWS::Glue::Database");
                String type = resources.path(id).path("Type").asText("?");
                boolean fits = m.group(1).equals("athena") ? type.equals("AWS::Athena::WorkGroup")
                        : type.startsWith("AWS::Glue::") && ownDatabase;
                return fits ? new Target(type, id, "") : Target.UNKNOWN;
            }
        }
        if (resource.size() == 1 && sub != null && sub.isArray()
                && sub.path(0).asText().equals("arn:${AWS::Partition}:s3:::${Object}")
                && sub.path(1).path("Object").toString().contains("OutletsUri")) {
            return Target.OUTLETS;
        }
        return Target.UNKNOWN;
    }

    // ------------------------------------------------------------------ helpers

    /** resource ("Id", "Id/path", "outlets") -> actions granted on it, over all of a role's statements. */
    private static Map<String, Set<String>> rights(String role) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode policy : RESOURCES.path(role).path("Properties").path("Policies")) {
            for (TemplateNodes.Branch b : branches(policy)) {
                for (JsonNode s : b.value().path("PolicyDocument").path("Statement")) {
                    for (JsonNode resource : list(s.path("Resource"))) {
                        Target t = target(RESOURCES, resource);
                        String key = t == Target.OUTLETS ? "outlets" : t.id() + (t.path().isEmpty() ? "" : "/" + t.path());
                        list(s.path("Action")).forEach(a -> out.computeIfAbsent(key, k -> new TreeSet<>()).add(a.asText()));
                    }
                }
            }
        }
        return out;
    }

    private static JsonNode statement(String role, String sid) {
        for (JsonNode policy : RESOURCES.path(role).path("Properties").path("Policies")) {
            for (TemplateNodes.Branch b : branches(policy)) {
                for (JsonNode s : b.value().path("PolicyDocument").path("Statement")) {
                    if (s.path("Sid").asText().equals(sid)) {
                        return s;
                    }
                }
            }
        }
        throw new AssertionError(role + " has no statement " + sid);
    }
}
