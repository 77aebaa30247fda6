/**
 * glosa's one-page HTML report, drawn from the tables of an output folder.
 *
 * <p>{@code dev.glosa.report} is public API. On the class path the module is ignored and the jar works as before.
 */
module dev.glosa.report {
    requires transitive dev.glosa.core;
    requires transitive dev.glosa.io;
    requires com.fasterxml.jackson.databind;

    exports dev.glosa.report;
}
