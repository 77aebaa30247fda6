/**
 * glosa's readers and writers: DATASUS SIH files and their download, ERP CSV exports, TISS XML, a database query,
 * and the Power BI star schema (folder or database).
 *
 * <p>Every package is public API; the generators of sample data live in the test jar, not here. On the class path the
 * module is ignored and the jar works as before.
 */
module dev.glosa.io {
    requires transitive dev.glosa.core;
    requires transitive java.sql;
    requires java.net.http;
    requires java.xml;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.apache.commons.net;

    exports dev.glosa.io.csv;
    exports dev.glosa.io.datasus;
    exports dev.glosa.io.dbf;
    exports dev.glosa.io.jdbc;
    exports dev.glosa.io.powerbi;
    exports dev.glosa.io.sih;
    exports dev.glosa.io.text;
    exports dev.glosa.io.tiss;

    // JdbcReader loads the drivers a user drops in a folder
    uses java.sql.Driver;

    // the mapping files are read into records by Jackson
    opens dev.glosa.io.csv to
            com.fasterxml.jackson.databind;
}
