/**
 * glosa's core: tables, reconciliation, indicators, segments, results and the run's seams; the JDK only.
 *
 * <p>Every package is public API: the readers, the clustering loop, the job and the sinks of the other modules meet
 * in these types. On the class path the module is ignored and the jar works as before.
 */
module dev.glosa.core {
    exports dev.glosa.core.aggregate;
    exports dev.glosa.core.indicator;
    exports dev.glosa.core.reconcile;
    exports dev.glosa.core.result;
    exports dev.glosa.core.run;
    exports dev.glosa.core.segment;
    exports dev.glosa.core.sus;
    exports dev.glosa.core.table;
    exports dev.glosa.core.text;
    exports dev.glosa.core.util;
}
