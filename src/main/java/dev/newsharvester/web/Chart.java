package dev.newsharvester.web;

import java.util.List;
import java.util.Map;

/**
 * Charts as inline SVG, drawn on the server: counts per bucket (a day, a week, an outlet) as lines, one per series,
 * or as bars for a single series. Every point carries a {@code <title>} (the browser's tooltip); series carry
 * {@code data-series} so the script can show and hide them from the legend.
 */
final class Chart {

    static final String[] COLOURS = {"#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#0550ae", "#bf3989", "#4d2d00"};
    private static final int W = 860, H = 240, LEFT = 44, RIGHT = 12, TOP = 12, BOTTOM = 44;

    private Chart() {
    }

    /** Lines, one per series (in the map's order), over the labelled buckets; with a legend. */
    static String lines(String caption, List<String> labels, Map<String, long[]> series) {
        long max = Math.max(1, series.values().stream().flatMapToLong(java.util.Arrays::stream).max().orElse(0));
        StringBuilder svg = frame(caption, labels, max);
        int s = 0;
        StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
        for (Map.Entry<String, long[]> e : series.entrySet()) {
            String colour = COLOURS[s++ % COLOURS.length];
            String name = Html.esc(e.getKey());
            long[] v = e.getValue();
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                double x = x(i, labels.size());
                double y = y(v[i], max);
                points.append(i == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
                dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3\"><title>")
                        .append(name).append(", ").append(Html.esc(labels.get(i))).append(": ").append(v[i]).append("</title></circle>");
            }
            svg.append("<g class=\"series\" data-series=\"").append(name).append("\" stroke=\"").append(colour)
                    .append("\" fill=\"").append(colour).append("\"><polyline fill=\"none\" stroke-width=\"2\" points=\"")
                    .append(points).append("\"/>").append(dots).append("</g>");
            legend.append("<li data-series=\"").append(name).append("\"><span class=\"swatch c").append((s - 1) % COLOURS.length)
                    .append("\"></span>").append(name).append(" <span class=\"muted\">(")
                    .append(java.util.Arrays.stream(v).sum()).append(")</span></li>");
        }
        return "<figure class=\"chart\">" + svg.append("</svg>") + legend.append("</ul>") + "</figure>";
    }

    /** Bars of one series over the labelled buckets. */
    static String bars(String caption, List<String> labels, long[] values) {
        long max = Math.max(1, java.util.Arrays.stream(values).max().orElse(0));
        StringBuilder svg = frame(caption, labels, max);
        double slot = (double) (W - LEFT - RIGHT) / Math.max(1, labels.size());
        for (int i = 0; i < values.length; i++) {
            double y = y(values[i], max);
            svg.append("<rect class=\"bar\" x=\"").append(fmt(LEFT + i * slot + slot * 0.15)).append("\" y=\"").append(fmt(y))
                    .append("\" width=\"").append(fmt(slot * 0.7)).append("\" height=\"").append(fmt(H - BOTTOM - y))
                    .append("\" fill=\"").append(COLOURS[0]).append("\"><title>").append(Html.esc(labels.get(i))).append(": ")
                    .append(values[i]).append("</title></rect>");
        }
        return "<figure class=\"chart\">" + svg.append("</svg>") + "</figure>";
    }

    /** The SVG's opening: axes, horizontal grid lines with counts, and every few bucket labels. */
    private static StringBuilder frame(String caption, List<String> labels, long max) {
        StringBuilder svg = new StringBuilder("<svg viewBox=\"0 0 " + W + " " + H + "\" role=\"img\" aria-label=\""
                + Html.esc(caption) + "\"><title>" + Html.esc(caption) + "</title>");
        for (int g = 0; g <= 4; g++) {
            long value = Math.round(max * g / 4.0);
            double y = y(value, max);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/><text class=\"axis\" x=\"").append(LEFT - 6)
                    .append("\" y=\"").append(fmt(y + 4)).append("\" text-anchor=\"end\">").append(value).append("</text>");
        }
        int every = Math.max(1, (int) Math.ceil(labels.size() / 10.0));
        for (int i = 0; i < labels.size(); i += every) {
            svg.append("<text class=\"axis\" x=\"").append(fmt(x(i, labels.size()))).append("\" y=\"").append(H - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\">").append(Html.esc(labels.get(i))).append("</text>");
        }
        return svg;
    }

    /** The centre of bucket i of n. */
    private static double x(int i, int n) {
        double slot = (double) (W - LEFT - RIGHT) / Math.max(1, n);
        return LEFT + slot * (i + 0.5);
    }

    private static double y(long value, long max) {
        return TOP + (H - TOP - BOTTOM) * (1 - (double) value / max);
    }

    private static String fmt(double d) {
        return String.valueOf(Math.round(d * 10) / 10.0);
    }
}
