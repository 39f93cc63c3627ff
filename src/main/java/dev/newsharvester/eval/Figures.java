package dev.newsharvester.eval;

/** Body precision, recall and F1 with token-exact accuracy; also used for their bootstrap deviations. */
public record Figures(double precision, double recall, double f1, double accuracy) {
}
