package dev.newsharvester.observe;

/** CloudWatch units used here (the EMF {@code Unit} values). */
public enum MetricUnit {
    Count, Milliseconds, Bytes
}
