package dev.glosa.bench;

import dev.glosa.core.reconcile.Reconciler;
import dev.glosa.core.reconcile.Reconciliation;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import dev.glosa.io.generate.SihSample;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SUS reconciliation (RJ × RD, deduplication, situations A/B/C, every other column carried over) of generated SIH
 * tables.
 *
 * <p>The default size, 5.4 million claims over 200 hospitals and 7 months (RD three months longer) with 18% rejected
 * at first presentation, gives about 1.08 million RJ rows against 5.0 million RD rows, each with the 20 columns the
 * SIH reader produces. The secondary results count the input rows of one operation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@State(Scope.Benchmark)
public class ReconcileBenchmark {

    /** Claims first presented in the RJ window. */
    @Param({"5400000"})
    public long claims;

    /** Share of claims rejected at first presentation. */
    @Param({"0.18"})
    public double rejectionRate;

    private SihSample sample;
    private final Reconciler reconciler = Reconciler.sih();

    /** Input rows of the operations of one measurement iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Rows {
        /** RJ rows reconciled. */
        public long rjRows;
        /** RD rows reconciled. */
        public long rdRows;

        /** Resets the counts before every measurement iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            rjRows = 0;
            rdRows = 0;
        }
    }

    /** Generates the RD and RJ tables. */
    @Setup(Level.Trial)
    public void setUp() {
        sample = SihGenerator.generate(config(claims, rejectionRate));
    }

    /** The generator configuration: 200 hospitals of the default window with the given claims and rejection rate. */
    static SihGeneratorConfig config(long claims, double rejectionRate) {
        SihGeneratorConfig base = SihGeneratorConfig.defaults(Blobs.SEED).withHospitals(200);
        return base.withTotalClaims(claims)
                .withRates(
                        rejectionRate,
                        base.representationRate(),
                        base.rerejectionRate(),
                        base.partialPaymentRate(),
                        base.valueChangeRate(),
                        base.longStayRate());
    }

    /** Reconciles RJ with RD. */
    @Benchmark
    public Reconciliation reconcile(Rows rows) {
        rows.rjRows += sample.rj().rowCount();
        rows.rdRows += sample.rd().rowCount();
        return reconciler.reconcile(sample.rj(), sample.rd());
    }
}
