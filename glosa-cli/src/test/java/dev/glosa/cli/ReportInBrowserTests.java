package dev.glosa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's {@code report.html} in a real browser: Debian's headless Chromium loads it from disk, logs no error,
 * draws every chart (its region of the screenshot is not blank) and fits a phone's width. Skips where Chromium is
 * absent, except in CI ({@code CI} set), where {@code .ci/run} installs it and its absence is a failure.
 *
 * <p>{@code -Dglosa.report.screenshot=PATH} keeps the top of the page as a PNG (docs/report-screenshot.png).
 */
class ReportInBrowserTests {
    private static final int WIDTH = 1000;
    private static final Pattern RECT = Pattern.compile("\\[(-?[\\d.]+),(-?[\\d.]+),([\\d.]+),([\\d.]+)\\]");

    @TempDir
    static Path dir;

    static Path report;

    @BeforeAll
    static void demoOfTwoWeeks() {
        Path chromium = HeadlessChromium.find();
        if (chromium == null && System.getenv("CI") != null) {
            throw new AssertionError("chromium is not installed; .ci/run installs Debian's chromium package");
        }
        Assumptions.assumeTrue(
                chromium != null,
                "chromium not found (/usr/bin/chromium): the browser test of"
                        + " report.html skips; install Debian's chromium package to run it (CI does)");
        Path out = dir.resolve("demo");
        for (String[] week : new String[][] {{"2026-11-16", "41"}, {"2026-11-23", "42"}}) {
            CliRun run = CliRun.of(
                    "demo",
                    "--rows",
                    "8000",
                    "--seed",
                    week[1],
                    "--out",
                    out.toString(),
                    "--as-of",
                    week[0],
                    "--threads",
                    "2");
            assertThat(run.status).as(run.toString()).isZero();
        }
        report = out.resolve("report.html");
    }

    @Test
    void chromiumLoadsTheDemosReportWithoutErrorAndDrawsEveryChart() throws Exception {
        Path userData = Files.createDirectories(dir.resolve("chromium-profile"));
        try (HeadlessChromium browser = new HeadlessChromium(HeadlessChromium.find(), userData)) {
            browser.open(report, WIDTH);
            String rects = browser.evaluate(
                    "JSON.stringify([...document.querySelectorAll('svg.chart')].map(e => {"
                            + " const r = e.getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY, r.width, r.height]; }))");
            List<double[]> charts = new ArrayList<>();
            for (Matcher m = RECT.matcher(rects); m.find(); ) {
                charts.add(new double[] {
                    Double.parseDouble(m.group(1)),
                    Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4))
                });
            }
            // Reconciliation, two indicator charts, ranked groups, three scatters, the trend.
            assertThat(charts).hasSizeGreaterThanOrEqualTo(7);
            int height = (int)
                    Math.ceil(Double.parseDouble(browser.evaluate("String(document.documentElement.scrollHeight)")));
            BufferedImage page = ImageIO.read(new ByteArrayInputStream(browser.screenshot(WIDTH, height)));
            for (double[] r : charts) {
                assertThat(r[2]).as("chart width").isGreaterThan(100);
                assertThat(inkShare(page, r))
                        .as("share of drawn pixels in the chart at y=" + r[1])
                        .isGreaterThan(0.01);
            }
            assertThat(browser.errors()).as("console errors").isEmpty();

            browser.viewport(390, 800);
            String widths = browser.evaluate("String(document.documentElement.scrollWidth) + ' ' + String(innerWidth)");
            String[] w = widths.split(" ");
            assertThat(Integer.parseInt(w[0])).as("page width on a phone").isLessThanOrEqualTo(Integer.parseInt(w[1]));

            String keep = System.getProperty("glosa.report.screenshot");
            if (keep != null) {
                browser.viewport(WIDTH, 900);
                Files.write(Path.of(keep), browser.screenshot(WIDTH, Math.min(height, 2400)));
            }
        }
    }

    /** The share of pixels in rectangle {@code r} that are not (near) white. */
    private static double inkShare(BufferedImage image, double[] r) throws IOException {
        int x0 = (int) Math.max(0, r[0]);
        int y0 = (int) Math.max(0, r[1]);
        int x1 = (int) Math.min(image.getWidth(), r[0] + r[2]);
        int y1 = (int) Math.min(image.getHeight(), r[1] + r[3]);
        long ink = 0;
        long all = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                int red = rgb >> 16 & 0xff;
                int green = rgb >> 8 & 0xff;
                int blue = rgb & 0xff;
                if (red < 235 || green < 235 || blue < 235) {
                    ink++;
                }
                all++;
            }
        }
        return all == 0 ? 0 : (double) ink / all;
    }
}
