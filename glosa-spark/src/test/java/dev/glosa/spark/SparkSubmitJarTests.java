package dev.glosa.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glosa.core.run.RunLog;
import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.run.RunConfig;
import dev.glosa.run.RunRequest;
import dev.glosa.run.WeeklyJob;
import dev.glosa.run.sources.SihFilesSource;
import dev.glosa.run.spi.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glosa-spark.jar} run the way a cluster runs it, by Spark's own {@code SparkSubmit} ({@code spark-submit
 * --class dev.glosa.spark.GlosaSpark --master local[2] glosa-spark.jar sus ...}) in a process of its own whose class
 * path holds Spark and nothing of glosa but the jar: the jar carries everything glosa needs (run by failsafe once the
 * build packaged it), and its star schema is the one the library writes on one machine.
 */
class SparkSubmitJarTests {
    private static final LocalDate WEEK = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    @Test
    void sparkSubmitRunsTheJarAndWritesTheStarSchemaOfTheLibrary() throws Exception {
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(4).withTotalClaims(400)), dir.resolve("sih"));
        Path config = dir.resolve("glosa.yaml");
        Files.writeString(config, "pseudonymKey: spark-key-of-sixteen-chars\n");
        Path onSpark = dir.resolve("submitted");

        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(
                Arrays.asList(System.getProperty("glosa.spark.opens", "").trim().split("\\s+")));
        command.addAll(List.of("-Duser.language=en", "-Duser.country=US"));
        command.addAll(List.of(
                "-cp",
                sparkClassPath(),
                "org.apache.spark.deploy.SparkSubmit",
                "--class",
                "dev.glosa.spark.GlosaSpark",
                "--master",
                "local[2]",
                "--conf",
                "spark.ui.enabled=false",
                jar().toString()));
        command.removeIf(String::isEmpty);
        runs(new ProcessBuilder(job(command, onSpark, config, files)), "submit.log");
        assertSameAsTheLibrary(files, config, onSpark);
    }

    @Test
    void theLauncherRunsTheJobInLocalModeWhateverJarsTheBuildLeftBesideIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh: the POSIX launcher is not tried here");
        SihFileSet files = SihFiles.write(
                SihGenerator.generate(SihGeneratorConfig.defaults(5).withTotalClaims(300)), dir.resolve("sih"));
        Path config = dir.resolve("glosa.yaml");
        Files.writeString(config, "pseudonymKey: spark-key-of-sixteen-chars\n");
        Path onSpark = dir.resolve("launched");
        // The release build leaves glosa-spark-VERSION-javadoc.jar (and -sources) beside the jar; the launcher must
        // not take one of them for the job's jar (it did, and failed with "Could not find or load main class").
        List<String> launcher =
                List.of("/bin/sh", Path.of("..", "bin", "glosa-spark").toString());
        ProcessBuilder pb = new ProcessBuilder(job(launcher, onSpark, config, files));
        pb.environment().put("GLOSA_SPARK_MASTER", "local[2]");
        pb.environment().put("GLOSA_JAVA_OPTS", "-Duser.language=en -Duser.country=US");
        assertThat(runs(pb, "launcher.log")).contains("reconciled on Spark");
        assertSameAsTheLibrary(files, config, onSpark);
    }

    /** {@code command} followed by the job: {@code sus} on the files, into {@code out}, with {@code config}. */
    private static List<String> job(List<String> command, Path out, Path config, SihFileSet files) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(
                "sus", "--out", out.toString(), "--config", config.toString(), "--as-of", WEEK.toString(), "--rd"));
        files.rd().forEach(p -> args.add(p.toString()));
        args.add("--rj");
        files.rj().forEach(p -> args.add(p.toString()));
        return args;
    }

    /** Runs a process to its end, its output in {@code logName}; it must succeed. Returns the output. */
    private String runs(ProcessBuilder pb, String logName) throws IOException, InterruptedException {
        Path log = dir.resolve(logName);
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the process ends").isTrue();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue())
                .as(text.length() > 4000 ? text.substring(text.length() - 4000) : text)
                .isZero();
        return text;
    }

    /** The same files through the library on one machine give the same tables, byte for byte. */
    private void assertSameAsTheLibrary(SihFileSet files, Path config, Path onSpark) throws IOException {
        Path local = dir.resolve("local");
        WeeklyJob.run(new RunRequest(
                new SihFilesSource(files.rd(), files.rj(), List.of()),
                local.toString(),
                RunConfig.load(config),
                WEEK,
                2,
                RunLog.NONE,
                Options.none()));
        for (String table : List.of("fact_glosa.csv", "dim_segment.csv", "dim_group.csv", "indicators.csv")) {
            assertThat(Files.readString(onSpark.resolve(table)))
                    .as(table)
                    .isEqualTo(Files.readString(local.resolve(table)));
        }
    }

    private static Path jar() {
        Path jar = Path.of("target", "glosa-spark.jar");
        assertThat(jar)
                .as("the shaded jar, packaged before the integration tests run")
                .exists();
        return jar;
    }

    /** Spark and its libraries as the build resolved them, without any of glosa's own modules. */
    private static String sparkClassPath() throws IOException {
        Path listed = Path.of("target", "classpath.txt");
        assertThat(listed).as("the launcher's class path, written at package").exists();
        String[] entries = Files.readString(listed).trim().split(java.io.File.pathSeparator);
        List<String> spark = new ArrayList<>();
        for (String e : entries) {
            String name = Path.of(e).getFileName().toString();
            if (!name.startsWith("glosa-")) {
                spark.add(e);
            }
        }
        assertThat(spark).anyMatch(e -> Path.of(e).getFileName().toString().startsWith("spark-core"));
        return String.join(java.io.File.pathSeparator, spark);
    }
}
