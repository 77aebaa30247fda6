package dev.glosa.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The report's charts as inline SVG: ranked bars, rates with error bars, a scatter and a line. Each chart has a
 * {@code viewBox} and no fixed width, so it scales to a phone or an A4 page; every label is escaped; coordinates are
 * written with one decimal in {@link Locale#ROOT}, so the same data draws the same bytes.
 */
final class Charts {
    static final int WIDTH = 640;
    private static final int LABEL_W = 230;
    private static final int BAR_H = 18;
    private static final int GAP = 6;
    /** Colours told apart also in grey print (dark, mid, light). */
    static final String[] PALETTE = {"#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#843c0c"};

    private Charts() {}

    /** One bar: its label, its value and the value's text. */
    record Bar(String label, double value, String text) {}

    /** One rate with its 95% interval. */
    record Interval(String label, double value, double low, double high, String text) {}

    /** One point of a scatter, in group {@code series}. */
    record Point(double x, double y, int series) {}

    /** Horizontal bars from zero, in the order given, scaled to the largest value. */
    static String bars(String title, List<Bar> bars) {
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, b.value());
        }
        int h = GAP + bars.size() * (BAR_H + GAP);
        int plot = WIDTH - LABEL_W - 110;
        StringBuilder sb = open(title, h, "bars");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = GAP + i * (BAR_H + GAP);
            double w = max > 0 ? Math.max(0, b.value()) / max * plot : 0;
            sb.append("<text x=\"")
                    .append(LABEL_W - 6)
                    .append("\" y=\"")
                    .append(y + 13)
                    .append("\" text-anchor=\"end\">")
                    .append(Html.esc(clip(b.label(), LABEL_W - 10)))
                    .append("</text>");
            sb.append("<rect x=\"")
                    .append(LABEL_W)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(f(w))
                    .append("\" height=\"")
                    .append(BAR_H)
                    .append("\" fill=\"")
                    .append(PALETTE[0])
                    .append("\"><title>")
                    .append(Html.esc(b.label() + ": " + b.text()))
                    .append("</title></rect>");
            sb.append("<text x=\"")
                    .append(f(LABEL_W + w + 4))
                    .append("\" y=\"")
                    .append(y + 13)
                    .append("\">")
                    .append(Html.esc(b.text()))
                    .append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    /** Rates as dots with their interval as an error bar, on a shared axis from 0 to the largest upper bound. */
    static String intervals(String title, List<Interval> rows, DoubleFunction<String> axisText) {
        double max = 0;
        for (Interval r : rows) {
            max = Math.max(max, Math.max(r.high(), r.value()));
        }
        max = max > 0 ? max : 1;
        int h = GAP + rows.size() * (BAR_H + GAP) + 20;
        int plot = WIDTH - LABEL_W - 110;
        StringBuilder sb = open(title, h, "intervals");
        int axisY = h - 18;
        sb.append("<line x1=\"")
                .append(LABEL_W)
                .append("\" y1=\"")
                .append(axisY)
                .append("\" x2=\"")
                .append(LABEL_W + plot)
                .append("\" y2=\"")
                .append(axisY)
                .append("\" stroke=\"#888\"/>");
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double x = LABEL_W + plot * t / 4.0;
            sb.append("<text x=\"")
                    .append(f(x))
                    .append("\" y=\"")
                    .append(h - 4)
                    .append("\" text-anchor=\"middle\">")
                    .append(Html.esc(axisText.apply(v)))
                    .append("</text>");
        }
        for (int i = 0; i < rows.size(); i++) {
            Interval r = rows.get(i);
            int y = GAP + i * (BAR_H + GAP) + BAR_H / 2;
            double x = LABEL_W + r.value() / max * plot;
            double lo = LABEL_W + Math.max(0, r.low()) / max * plot;
            double hi = LABEL_W + Math.max(0, r.high()) / max * plot;
            sb.append("<text x=\"")
                    .append(LABEL_W - 6)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" text-anchor=\"end\">")
                    .append(Html.esc(clip(r.label(), LABEL_W - 10)))
                    .append("</text>");
            sb.append("<g class=\"ci\"><title>")
                    .append(Html.esc(r.label() + ": " + r.text()))
                    .append("</title>");
            sb.append("<line x1=\"")
                    .append(f(lo))
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" x2=\"")
                    .append(f(hi))
                    .append("\" y2=\"")
                    .append(y)
                    .append("\" stroke=\"")
                    .append(PALETTE[1])
                    .append("\" stroke-width=\"2\"/>");
            for (double e : new double[] {lo, hi}) {
                sb.append("<line x1=\"")
                        .append(f(e))
                        .append("\" y1=\"")
                        .append(y - 5)
                        .append("\" x2=\"")
                        .append(f(e))
                        .append("\" y2=\"")
                        .append(y + 5)
                        .append("\" stroke=\"")
                        .append(PALETTE[1])
                        .append("\" stroke-width=\"2\"/>");
            }
            sb.append("<circle cx=\"")
                    .append(f(x))
                    .append("\" cy=\"")
                    .append(y)
                    .append("\" r=\"4\" fill=\"")
                    .append(PALETTE[0])
                    .append("\"/></g>");
            sb.append("<text x=\"")
                    .append(f(hi + 6))
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\">")
                    .append(Html.esc(r.text()))
                    .append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    /** Points coloured by series, each axis scaled to its data's range and named. */
    static String scatter(String title, String xName, String yName, List<Point> points, List<String> seriesNames) {
        int w = 300;
        int h = 220;
        int left = 40;
        int bottom = 30;
        double[] xr = range(points, true);
        double[] yr = range(points, false);
        StringBuilder sb = new StringBuilder(256 + points.size() * 60);
        sb.append("<svg class=\"chart scatter\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(title))
                .append("\"><title>")
                .append(Html.esc(title))
                .append("</title>");
        sb.append("<rect x=\"")
                .append(left)
                .append("\" y=\"5\" width=\"")
                .append(w - left - 5)
                .append("\" height=\"")
                .append(h - bottom - 5)
                .append("\" fill=\"none\" stroke=\"#888\"/>");
        for (Point p : points) {
            double x = left + 4 + (p.x() - xr[0]) / (xr[1] - xr[0]) * (w - left - 13);
            double y = h - bottom - 4 - (p.y() - yr[0]) / (yr[1] - yr[0]) * (h - bottom - 13);
            sb.append("<circle cx=\"")
                    .append(f(x))
                    .append("\" cy=\"")
                    .append(f(y))
                    .append("\" r=\"3\" fill=\"")
                    .append(PALETTE[p.series() % PALETTE.length])
                    .append("\" fill-opacity=\"0.75\"/>");
        }
        sb.append("<text x=\"")
                .append(left + (w - left) / 2)
                .append("\" y=\"")
                .append(h - 6)
                .append("\" text-anchor=\"middle\">")
                .append(Html.esc(xName))
                .append("</text>");
        sb.append("<text transform=\"translate(12 ")
                .append((h - bottom) / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(Html.esc(yName))
                .append("</text>");
        sb.append("</svg>");
        if (!seriesNames.isEmpty()) {
            sb.append("<p class=\"legend\">");
            for (int i = 0; i < seriesNames.size(); i++) {
                sb.append("<span><i style=\"background:")
                        .append(PALETTE[i % PALETTE.length])
                        .append("\"></i>")
                        .append(Html.esc(seriesNames.get(i)))
                        .append("</span> ");
            }
            sb.append("</p>");
        }
        return sb.toString();
    }

    /** A line through values in order, each point labelled below with its name and above with its value's text. */
    static String line(String title, List<Bar> points) {
        int h = 200;
        int left = 20;
        int right = 20;
        double max = 0;
        for (Bar p : points) {
            max = Math.max(max, p.value());
        }
        max = max > 0 ? max : 1;
        StringBuilder sb = open(title, h, "line");
        int n = points.size();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Bar p = points.get(i);
            double x = n == 1 ? WIDTH / 2.0 : left + 40 + i * (WIDTH - left - right - 80.0) / (n - 1);
            double y = h - 40 - Math.max(0, p.value()) / max * (h - 80);
            path.append(i == 0 ? "M" : " L").append(f(x)).append(' ').append(f(y));
            sb.append("<circle cx=\"")
                    .append(f(x))
                    .append("\" cy=\"")
                    .append(f(y))
                    .append("\" r=\"4\" fill=\"")
                    .append(PALETTE[0])
                    .append("\"><title>")
                    .append(Html.esc(p.label() + ": " + p.text()))
                    .append("</title></circle>");
            sb.append("<text x=\"")
                    .append(f(x))
                    .append("\" y=\"")
                    .append(f(y - 9))
                    .append("\" text-anchor=\"middle\">")
                    .append(Html.esc(p.text()))
                    .append("</text>");
            sb.append("<text x=\"")
                    .append(f(x))
                    .append("\" y=\"")
                    .append(h - 20)
                    .append("\" text-anchor=\"middle\">")
                    .append(Html.esc(p.label()))
                    .append("</text>");
        }
        sb.append("<line x1=\"")
                .append(left)
                .append("\" y1=\"")
                .append(h - 36)
                .append("\" x2=\"")
                .append(WIDTH - right)
                .append("\" y2=\"")
                .append(h - 36)
                .append("\" stroke=\"#888\"/>");
        if (n > 1) {
            sb.append("<path d=\"")
                    .append(path)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(PALETTE[0])
                    .append("\" stroke-width=\"2\"/>");
        }
        return sb.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height, String kind) {
        return new StringBuilder(1024)
                .append("<svg class=\"chart ")
                .append(kind)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(title))
                .append("\"><title>")
                .append(Html.esc(title))
                .append("</title>");
    }

    private static double[] range(List<Point> points, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            double v = x ? p.x() : p.y();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (points.isEmpty()) {
            return new double[] {0, 1};
        }
        // A constant axis would divide by zero; centre its points instead.
        return hi > lo ? new double[] {lo, hi} : new double[] {lo - 1, hi + 1};
    }

    /**
     * {@code s}, cut with an ellipsis where it would run past {@code widthPx} at the charts' 11 px font. A count of
     * characters cut uppercase names too late (SANTA CASA DE MISERICÓRDIA is a third wider than its lowercase), so each
     * character is measured by its class, on the wide side of common sans-serif faces.
     */
    static String clip(String s, int widthPx) {
        double limit = widthPx / FONT_PX;
        double ellipsis = em('…');
        double used = 0;
        for (int i = 0; i < s.length(); i++) {
            used += em(s.charAt(i));
            if (used > limit) {
                int end = i;
                // Take characters back until the ellipsis fits too.
                double width = used - em(s.charAt(i));
                while (end > 0 && width + ellipsis > limit) {
                    end--;
                    width -= em(s.charAt(end));
                }
                return s.substring(0, end).stripTrailing() + "…";
            }
        }
        return s;
    }

    private static final double FONT_PX = 11;

    /** A character's width in ems, by class: wide capitals, other capitals and digits, lowercase, narrow marks. */
    static double em(char c) {
        if ("MWmw@%".indexOf(c) >= 0) {
            return 0.92;
        }
        if (" .,:;'|!iljtfI()[]/".indexOf(c) >= 0) {
            return 0.32;
        }
        if (Character.isUpperCase(c)) {
            return 0.72;
        }
        if (Character.isDigit(c)) {
            return 0.58;
        }
        return 0.56;
    }

    /** A coordinate with one decimal, the same bytes on every machine. */
    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
