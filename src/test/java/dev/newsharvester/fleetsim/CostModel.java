package dev.newsharvester.fleetsim;

/**
 * What a simulated run would cost on AWS, scaled to one million articles, from list prices. Free tiers, data
 * transfer, CloudWatch Logs, KMS and storage (S3 GB-months, DynamoDB GB-months) are left out: this compares the
 * per-article work of one design with another's, it is not a bill.
 */
public final class CostModel {

    // us-east-1 list prices (USD), as written down on 2026-12-03 (aws.amazon.com/lambda|dynamodb|s3|sqs/pricing):
    /** Lambda arm64 compute, first pricing tier, per GB-second. */
    public static final double LAMBDA_ARM64_GB_SECOND = 0.0000133334;
    /** Lambda requests (invocations), per one million. */
    public static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
    /** DynamoDB on-demand, per one million write request units. */
    public static final double DDB_PER_MILLION_WRU = 0.625;
    /** DynamoDB on-demand, per one million read request units. */
    public static final double DDB_PER_MILLION_RRU = 0.125;
    /** S3 Standard PUT, COPY, POST, LIST requests, per 1,000. */
    public static final double S3_TIER1_PER_THOUSAND = 0.005;
    /** S3 Standard GET, SELECT and all other requests, per 1,000. */
    public static final double S3_TIER2_PER_THOUSAND = 0.0004;
    /** SQS standard queue requests (each 64 KB chunk of a payload is one request), per one million. */
    public static final double SQS_PER_MILLION_REQUESTS = 0.40;

    /** The usage of a run. */
    public record Usage(long billedLambdaMs, int memoryMb, long invocations, long sqsRequests, long s3Tier1,
            long s3Tier2, double dynamoWriteUnits, double dynamoReadUnits, long articles) {
    }

    /** USD per one million articles, by service. */
    public record Breakdown(double lambdaCompute, double lambdaRequests, double sqs, double s3, double dynamoDb) {
        public double lambda() {
            return lambdaCompute + lambdaRequests;
        }

        public double total() {
            return lambdaCompute + lambdaRequests + sqs + s3 + dynamoDb;
        }

        public String toText() {
            return String.format(java.util.Locale.ROOT,
                    "$%.2f per million articles = Lambda $%.2f (compute $%.2f, requests $%.2f) + SQS $%.2f + S3 $%.2f + DynamoDB $%.2f",
                    total(), lambda(), lambdaCompute, lambdaRequests, sqs, s3, dynamoDb);
        }
    }

    private CostModel() {
    }

    /** The cost of {@code u} scaled to one million articles (all zero when no article was processed). */
    public static Breakdown perMillionArticles(Usage u) {
        if (u.articles() <= 0) {
            return new Breakdown(0, 0, 0, 0, 0);
        }
        double scale = 1_000_000.0 / u.articles();
        double gbSeconds = u.billedLambdaMs() / 1000.0 * (u.memoryMb() / 1024.0);
        double compute = gbSeconds * LAMBDA_ARM64_GB_SECOND;
        double requests = u.invocations() / 1e6 * LAMBDA_PER_MILLION_REQUESTS;
        double sqs = u.sqsRequests() / 1e6 * SQS_PER_MILLION_REQUESTS;
        double s3 = u.s3Tier1() / 1e3 * S3_TIER1_PER_THOUSAND + u.s3Tier2() / 1e3 * S3_TIER2_PER_THOUSAND;
        double ddb = u.dynamoWriteUnits() / 1e6 * DDB_PER_MILLION_WRU + u.dynamoReadUnits() / 1e6 * DDB_PER_MILLION_RRU;
        return new Breakdown(compute * scale, requests * scale, sqs * scale, s3 * scale, ddb * scale);
    }
}
