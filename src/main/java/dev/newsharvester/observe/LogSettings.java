package dev.newsharvester.observe;

import java.util.Map;

/**
 * How logs and metrics are labelled and filtered, read once from the environment with the run's other settings.
 *
 * @param level   LOG_LEVEL (else Lambda's AWS_LAMBDA_LOG_LEVEL, set by the function's LoggingConfig), default INFO
 * @param service POWERTOOLS_SERVICE_NAME, default {@value #DEFAULT_SERVICE}: the {@code service} of every log line and
 *                the {@code Service} dimension of every metric
 */
public record LogSettings(Level level, String service) {

    public static final String LOG_LEVEL = "LOG_LEVEL";
    public static final String LAMBDA_LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";
    public static final String SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";
    public static final String DEFAULT_SERVICE = "news-harvester";
    public static final LogSettings DEFAULT = new LogSettings(Level.INFO, DEFAULT_SERVICE);

    public LogSettings {
        level = level == null ? Level.INFO : level;
        service = service == null || service.isBlank() ? DEFAULT_SERVICE : service.trim();
    }

    public static LogSettings fromEnvironment(Map<String, String> env) {
        String lambdaLevel = env.get(LAMBDA_LOG_LEVEL);
        Level dflt = Level.parse(lambdaLevel, LAMBDA_LOG_LEVEL, Level.INFO);
        return new LogSettings(Level.parse(env.get(LOG_LEVEL), LOG_LEVEL, dflt), env.get(SERVICE_NAME));
    }

    public LogSettings withLevel(Level l) {
        return new LogSettings(l, service);
    }
}
