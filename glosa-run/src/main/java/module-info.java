/**
 * The weekly job: one pipeline from a source of rows to the sinks of its results ({@code WeeklyJob}), its
 * configuration ({@code RunConfig}), the built-in sources and sinks, and the SPI that adds more.
 *
 * <p>A source or sink is one class implementing {@code SourceProvider} or {@code SinkProvider}, registered with
 * {@code provides} here or in {@code META-INF/services} of its own jar. On the class path the module is ignored and
 * the jar works as before.
 */
module dev.glosa.run {
    requires transitive dev.glosa.core;
    requires transitive dev.glosa.io;
    requires transitive dev.glosa.cluster;
    requires dev.glosa.report;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports dev.glosa.run;
    exports dev.glosa.run.sinks;
    exports dev.glosa.run.sources;
    exports dev.glosa.run.spi;

    // RunConfig is read from YAML by Jackson
    opens dev.glosa.run to
            com.fasterxml.jackson.databind;

    uses dev.glosa.run.spi.SourceProvider;
    uses dev.glosa.run.spi.SinkProvider;

    provides dev.glosa.run.spi.SourceProvider with
            dev.glosa.run.sources.SihFilesSource.Provider,
            dev.glosa.run.sources.ErpCsvSource.Provider,
            dev.glosa.run.sources.JdbcQuerySource.Provider,
            dev.glosa.run.sources.TissFilesSource.Provider;
    provides dev.glosa.run.spi.SinkProvider with
            dev.glosa.run.sinks.JdbcSink.Provider;
}
