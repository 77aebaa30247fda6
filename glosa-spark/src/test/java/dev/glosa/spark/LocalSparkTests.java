package dev.glosa.spark;

import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests that run Spark share: one local session per test class ({@link LocalSpark}), stopped after its
 * tests, and a temporary folder per test.
 */
abstract class LocalSparkTests {
    static SparkSession session;
    static JavaSparkContext spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        session = LocalSpark.start("glosa-spark tests");
        spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    @AfterAll
    static void stopSpark() {
        session.stop();
    }
}
