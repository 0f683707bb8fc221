package com.overdue.collections.local;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG charts for report.html, nothing fetched when the file is opened: stacked bars, grouped bars,
 * horizontal stacked bars, a heat map and bars with interval whiskers. Every chart has a {@code <title>}, a
 * {@code <desc>}, axis labels and a legend; every data mark is a {@code rect class="bar"} (or {@code "cell"}) with
 * {@code data-series}, {@code data-category} and {@code data-value} (the exact figure), so the markup can be checked.
 * Coordinates are printed with one decimal (Locale.ROOT): the same figures give the same bytes.
 */
final class SvgCharts {

    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac", "#1b9e77", "#d95f02", "#7570b3", "#e7298a"};
    private static final int WIDTH = 960;

    private SvgCharts() {
    }

    /** A chart's words: id, title, description (the accessible text), the two axis labels. */
    record Labels(String id, String title, String desc, String xLabel, String yLabel) {
    }

    /** Vertical bars, one per category, stacked by series (e.g. loans per bucket per day). */
    static String stackedBars(Labels l, List<String> categories, Map<String, BigDecimal[]> series) {
        int height = 380;
        int left = 80;
        int right = 20;
        int top = 40;
        int bottom = 90;
        double plotW = WIDTH - left - right;
        double plotH = height - top - bottom;
        double scaleMax = niceMax(stackedMax(categories.size(), series));
        StringBuilder s = open(l, height);
        yAxis(s, left, top, plotW, plotH, scaleMax);
        double slot = plotW / Math.max(1, categories.size());
        double barW = Math.max(1, slot * 0.8);
        int every = Math.max(1, (int) Math.ceil(categories.size() / 15.0));
        for (int i = 0; i < categories.size(); i++) {
            double x = left + i * slot + (slot - barW) / 2;
            double y = top + plotH;
            int k = 0;
            for (Map.Entry<String, BigDecimal[]> e : series.entrySet()) {
                double h = e.getValue()[i].doubleValue() / scaleMax * plotH;
                if (e.getValue()[i].signum() != 0) {
                    y -= h;
                    bar(s, x, y, barW, h, PALETTE[k % PALETTE.length], e.getKey(), categories.get(i),
                            e.getValue()[i]);
                }
                k++;
            }
            if (i % every == 0) {
                text(s, x + barW / 2, top + plotH + 14, "middle", 10, categories.get(i), -35);
            }
        }
        axisLabels(s, l, left, top, plotW, plotH, height - 30);
        legend(s, new ArrayList<>(series.keySet()), left, height - 16);
        return close(s);
    }

    /** Vertical bars, one group per category, one bar per series (e.g. penalty accrued/collected/waived). */
    static String groupedBars(Labels l, List<String> categories, Map<String, BigDecimal[]> series) {
        int height = 340;
        int left = 90;
        int top = 40;
        int bottom = 70;
        double plotW = WIDTH - left - 20;
        double plotH = height - top - bottom;
        double max = 0;
        for (BigDecimal[] v : series.values()) {
            for (BigDecimal b : v) {
                max = Math.max(max, b.doubleValue());
            }
        }
        double scaleMax = niceMax(max);
        StringBuilder s = open(l, height);
        yAxis(s, left, top, plotW, plotH, scaleMax);
        double slot = plotW / Math.max(1, categories.size());
        double barW = slot * 0.8 / Math.max(1, series.size());
        for (int i = 0; i < categories.size(); i++) {
            int k = 0;
            for (Map.Entry<String, BigDecimal[]> e : series.entrySet()) {
                double h = e.getValue()[i].doubleValue() / scaleMax * plotH;
                double x = left + i * slot + slot * 0.1 + k * barW;
                bar(s, x, top + plotH - h, barW, h, PALETTE[k % PALETTE.length], e.getKey(), categories.get(i),
                        e.getValue()[i]);
                text(s, x + barW / 2, top + plotH - h - 4, "middle", 10, e.getValue()[i].toPlainString(), 0);
                k++;
            }
            text(s, left + i * slot + slot / 2, top + plotH + 16, "middle", 12, categories.get(i), 0);
        }
        axisLabels(s, l, left, top, plotW, plotH, height - 30);
        legend(s, new ArrayList<>(series.keySet()), left, height - 12);
        return close(s);
    }

    /** Horizontal bars, one row per category, stacked by series (e.g. contacts by rule and outcome). */
    static String horizontalBars(Labels l, List<String> rows, Map<String, BigDecimal[]> series) {
        int left = 330;
        int top = 40;
        int rowH = 22;
        double plotH = Math.max(1, rows.size()) * rowH;
        int height = (int) (top + plotH + 80);
        double plotW = WIDTH - left - 60;
        double scaleMax = niceMax(stackedMax(rows.size(), series));
        StringBuilder s = open(l, height);
        for (int t = 0; t <= 5; t++) {
            double x = left + plotW * t / 5;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    x, top, x, top + plotH));
            text(s, x, top + plotH + 14, "middle", 10, tick(scaleMax * t / 5), 0);
        }
        for (int i = 0; i < rows.size(); i++) {
            double y = top + i * rowH + 3;
            double x = left;
            double total = 0;
            int k = 0;
            for (Map.Entry<String, BigDecimal[]> e : series.entrySet()) {
                BigDecimal v = e.getValue()[i];
                // At least 1 unit wide, so that a small non-zero figure still shows (and is not lost to rounding).
                double w = Math.max(v.signum() > 0 ? 1 : 0, v.doubleValue() / scaleMax * plotW);
                if (v.signum() != 0) {
                    bar(s, x, y, w, rowH - 6, PALETTE[k % PALETTE.length], e.getKey(), rows.get(i), v);
                    x += w;
                    total += v.doubleValue();
                }
                k++;
            }
            text(s, left - 6, y + rowH / 2.0, "end", 11, rows.get(i), 0);
            text(s, x + 4, y + rowH / 2.0, "start", 10, tick(total), 0);
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>", left,
                top, left, top + plotH));
        text(s, left + plotW / 2, top + plotH + 34, "middle", 12, l.xLabel(), 0);
        text(s, 14, top - 10, "start", 12, l.yLabel(), 0);
        legend(s, new ArrayList<>(series.keySet()), left, height - 16);
        return close(s);
    }

    /**
     * A heat map: rows × columns, each cell's colour its share of the row ({@code shares}, 0..1), its text the count
     * ({@code counts}); e.g. the roll-rate matrix.
     */
    static String heatmap(Labels l, List<String> rows, List<String> cols, BigDecimal[][] shares, int[][] counts) {
        int left = 150;
        int top = 70;
        int cell = 64;
        int height = top + rows.size() * cell + 80;
        StringBuilder s = open(l, height);
        for (int j = 0; j < cols.size(); j++) {
            text(s, left + j * cell + cell / 2.0, top - 8, "middle", 11, cols.get(j), 0);
        }
        for (int i = 0; i < rows.size(); i++) {
            text(s, left - 8, top + i * cell + cell / 2.0, "end", 11, rows.get(i), 0);
            for (int j = 0; j < cols.size(); j++) {
                double share = shares[i][j] == null ? 0 : shares[i][j].doubleValue();
                int shade = (int) Math.round(255 - share * 200);
                String fill = counts[i][j] == 0 ? "#f7f7f7" : String.format(Locale.ROOT, "rgb(%d,%d,255)", shade,
                        shade);
                s.append(String.format(Locale.ROOT, "<rect class=\"cell\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
                                + " fill=\"%s\" stroke=\"#fff\" data-series=\"%s\" data-category=\"%s\" data-value=\"%d\""
                                + "><title>%s → %s: %d loans (%s of the row)</title></rect>", left + j * cell,
                        top + i * cell, cell, cell, fill, esc(rows.get(i)), esc(cols.get(j)), counts[i][j],
                        esc(rows.get(i)), esc(cols.get(j)), counts[i][j], percent(shares[i][j])));
                if (counts[i][j] > 0) {
                    text(s, left + j * cell + cell / 2.0, top + i * cell + cell / 2.0 - 6, "middle", 11,
                            Integer.toString(counts[i][j]), 0);
                    text(s, left + j * cell + cell / 2.0, top + i * cell + cell / 2.0 + 10, "middle", 9,
                            percent(shares[i][j]), 0);
                }
            }
        }
        text(s, left + cols.size() * cell / 2.0, top - 30, "middle", 12, l.xLabel(), 0);
        text(s, 14, top - 30, "start", 12, l.yLabel(), 0);
        int y = top + rows.size() * cell + 30;
        s.append("<g class=\"legend\">");
        for (int t = 0; t <= 4; t++) {
            int shade = 255 - t * 50;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"40\" height=\"12\" "
                    + "fill=\"rgb(%d,%d,255)\" stroke=\"#ccc\"/>", left + t * 80, y, shade, shade));
            text(s, left + t * 80 + 44, y + 6, "start", 10, (t * 25) + " %", 0);
        }
        text(s, left + 420, y + 6, "start", 10, "share of the loans in the row's bucket at M", 0);
        s.append("</g>");
        return close(s);
    }

    /** Bars with 95 % interval whiskers (e.g. cure rate per strategy arm). */
    static String intervalBars(Labels l, List<String> categories, BigDecimal[] values, BigDecimal[] lows,
                               BigDecimal[] highs, String seriesName) {
        int height = 340;
        int left = 80;
        int top = 40;
        int bottom = 80;
        double plotW = WIDTH - left - 20;
        double plotH = height - top - bottom;
        double max = 0;
        for (int i = 0; i < values.length; i++) {
            max = Math.max(max, highs[i] == null ? (values[i] == null ? 0 : values[i].doubleValue())
                    : highs[i].doubleValue());
        }
        double scaleMax = niceMax(max);
        StringBuilder s = open(l, height);
        yAxis(s, left, top, plotW, plotH, scaleMax);
        double slot = plotW / Math.max(1, categories.size());
        double barW = Math.min(90, slot * 0.6);
        for (int i = 0; i < categories.size(); i++) {
            double cx = left + i * slot + slot / 2;
            if (values[i] != null) {
                double h = values[i].doubleValue() / scaleMax * plotH;
                bar(s, cx - barW / 2, top + plotH - h, barW, h, PALETTE[0], seriesName, categories.get(i), values[i]);
                double yl = top + plotH - lows[i].doubleValue() / scaleMax * plotH;
                double yh = top + plotH - highs[i].doubleValue() / scaleMax * plotH;
                s.append(String.format(Locale.ROOT, "<g class=\"interval\" data-category=\"%s\" data-low=\"%s\" "
                                + "data-high=\"%s\" stroke=\"#222\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                                + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/><line x1=\"%.1f\" y1=\"%.1f\" "
                                + "x2=\"%.1f\" y2=\"%.1f\"/></g>", esc(categories.get(i)), lows[i].toPlainString(),
                        highs[i].toPlainString(), cx, yl, cx, yh, cx - 8, yl, cx + 8, yl, cx - 8, yh, cx + 8, yh));
                text(s, cx + barW / 2 + 4, top + plotH - h + 12, "start", 10, values[i].toPlainString(), 0);
            } else {
                text(s, cx, top + plotH - 6, "middle", 10, "no loans", 0);
            }
            text(s, cx, top + plotH + 16, "middle", 11, categories.get(i), 0);
        }
        axisLabels(s, l, left, top, plotW, plotH, height - 34);
        s.append("<g class=\"legend\">");
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", left,
                height - 22, PALETTE[0]));
        text(s, left + 16, height - 16, "start", 11, seriesName, 0);
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#222\"/>",
                left + 260, height - 22, left + 260, height - 10));
        text(s, left + 266, height - 16, "start", 11, "95 % confidence interval", 0);
        s.append("</g>");
        return close(s);
    }

    private static StringBuilder open(Labels l, int height) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(esc(l.id())).append("\" role=\"img\" ")
                .append("aria-labelledby=\"").append(esc(l.id())).append("-title ").append(esc(l.id()))
                .append("-desc\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(height).append("\" font-family=\"sans-serif\">");
        s.append("<title id=\"").append(esc(l.id())).append("-title\">").append(esc(l.title())).append("</title>");
        s.append("<desc id=\"").append(esc(l.id())).append("-desc\">").append(esc(l.desc())).append("</desc>");
        text(s, WIDTH / 2.0, 20, "middle", 15, l.title(), 0);
        return s;
    }

    private static String close(StringBuilder s) {
        return s.append("</svg>").toString();
    }

    private static void yAxis(StringBuilder s, int left, int top, double plotW, double plotH, double scaleMax) {
        for (int t = 0; t <= 5; t++) {
            double y = top + plotH - plotH * t / 5;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    left, y, left + plotW, y));
            text(s, left - 6, y, "end", 10, tick(scaleMax * t / 5), 0);
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>"
                + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", left, top, left, top + plotH,
                left, top + plotH, left + plotW, top + plotH));
    }

    private static void axisLabels(StringBuilder s, Labels l, int left, int top, double plotW, double plotH,
                                   double xLabelY) {
        text(s, left + plotW / 2, xLabelY, "middle", 12, l.xLabel(), 0);
        s.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"0\" y=\"0\" font-size=\"12\" "
                        + "text-anchor=\"middle\" transform=\"translate(16 %.1f) rotate(-90)\">%s</text>",
                top + plotH / 2, esc(l.yLabel())));
    }

    private static void legend(StringBuilder s, List<String> names, int left, int y) {
        s.append("<g class=\"legend\">");
        double x = left;
        for (int k = 0; k < names.size(); k++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                    x, y - 10, PALETTE[k % PALETTE.length]));
            text(s, x + 16, y - 4, "start", 11, names.get(k), 0);
            x += 30 + names.get(k).length() * 6.5;
        }
        s.append("</g>");
    }

    private static void bar(StringBuilder s, double x, double y, double w, double h, String fill, String series,
                            String category, BigDecimal value) {
        s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\" data-series=\"%s\" data-category=\"%s\" data-value=\"%s\"><title>%s, %s: %s"
                        + "</title></rect>", x, y, w, h, fill, esc(series), esc(category), value.toPlainString(),
                esc(category), esc(series), value.toPlainString()));
    }

    private static void text(StringBuilder s, double x, double y, String anchor, int size, String text, int rotate) {
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" "
                + "dominant-baseline=\"middle\"", x, y, size, anchor));
        if (rotate != 0) {
            s.append(String.format(Locale.ROOT, " transform=\"rotate(%d %.1f %.1f)\"", rotate, x, y));
        }
        s.append('>').append(esc(text)).append("</text>");
    }

    /** The largest sum over the series at one position: the top of the tallest stack. */
    private static double stackedMax(int positions, Map<String, BigDecimal[]> series) {
        double max = 0;
        for (int i = 0; i < positions; i++) {
            double sum = 0;
            for (BigDecimal[] v : series.values()) {
                sum += v[i].doubleValue();
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code max} (1 when there is nothing to show). */
    static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * p >= max) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String tick(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    private static String percent(BigDecimal share) {
        if (share == null) {
            return "-";
        }
        return share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Series in insertion order: a convenience for callers. */
    static Map<String, BigDecimal[]> series() {
        return new LinkedHashMap<>();
    }
}
