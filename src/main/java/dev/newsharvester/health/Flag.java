package dev.newsharvester.health;

/** What may be wrong with an outlet. */
public enum Flag {
    /** Its last {@link HealthThresholds#silentRuns()} discovery runs found no article URL at all. */
    SILENT,
    /** Over the last 24 hours, the share of FAILED articles (BLOCKED among them) is above the threshold. */
    FAILING,
    /**
     * Its recent new articles' median word count, or the share carrying a title, authors, a date or 80 words, fell
     * sharply against its own longer history: extraction no longer fits its pages (a redesign).
     */
    DRIFT
}
