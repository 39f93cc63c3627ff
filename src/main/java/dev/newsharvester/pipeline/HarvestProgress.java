package dev.newsharvester.pipeline;

import java.time.Duration;

/**
 * Where an inline harvest is, over all outlets: reported after each processed article.
 *
 * @param done      articles processed so far
 * @param total     articles due in this harvest (all outlets)
 * @param hostsBusy hosts with an article in progress right now (at most the harvest's parallelism)
 * @param hosts     hosts the due articles are on
 * @param elapsed   time since the harvest started (discovery included)
 */
public record HarvestProgress(int done, int total, int hostsBusy, int hosts, Duration elapsed) {
}
