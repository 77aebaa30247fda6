package dev.glosa.examples.cli;

import dev.glosa.core.indicator.IndicatorRow;
import dev.glosa.core.result.GroupRecord;
import dev.glosa.core.result.SegmentOutcome;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.powerbi.WriterOptions;
import dev.glosa.io.jdbc.DatabaseException;
import dev.glosa.io.jdbc.Drivers;
import dev.glosa.io.jdbc.JdbcStarSchemaWriter;
import dev.glosa.io.powerbi.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The command line's side of databases: drivers, connections with the password from the environment, the sink. */
final class Databases {
    /** The environment variable naming a folder of JDBC driver jars. */
    static final String DRIVERS_ENV = "GLOSA_DRIVERS";

    private Databases() {}

    /** Loads the drivers of {@code --drivers}, else of the configuration's folder, else of {@value #DRIVERS_ENV}. */
    static void loadDrivers(String option, JobConfig config, Console console) {
        String dir = option != null ? option : config.database().drivers() != null ? config.database().drivers()
                : console.getenv(DRIVERS_ENV);
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            console.info("drivers loaded from " + dir + ": " + String.join(", ", Drivers.load(Path.of(dir))));
        } catch (DatabaseException e) {
            throw failure(e);
        }
    }

    /** Connects as {@code user} with the password in the variable {@code passwordEnv}. */
    static Connection connect(String url, String user, String passwordEnv, JobConfig config, Console console) {
        String password = console.getenv(passwordEnv);
        if (password == null) {
            console.info("warning: no password in " + passwordEnv + "; connecting without one");
        }
        try {
            return Drivers.connect(url, user, password, config.database().loginTimeoutSeconds());
        } catch (DatabaseException e) {
            throw failure(e);
        }
    }

    static List<GroupRecord> previousState(Output.Database db, JobConfig config, LocalDate asOf, Console console)
            throws IOException {
        try (Connection c = connect(db.url(), db.user(), db.passwordEnv(), config, console)) {
            return JdbcStarSchemaWriter.previousState(c, db.describe(), asOf);
        } catch (DatabaseException e) {
            throw failure(e);
        } catch (SQLException e) {
            throw new CliException(CliException.FAILURE, db.describe() + ": " + e.getMessage(), e);
        }
    }

    static void write(Output.Database db, JobConfig config, WriterOptions writerOptions, RunRecord run,
            GlosaTable analysed, List<SegmentOutcome> outcomes, List<IndicatorRow> indicators, List<GroupRecord> state,
            Console console) {
        try (Connection c = connect(db.url(), db.user(), db.passwordEnv(), config, console)) {
            for (JdbcStarSchemaWriter.TableReport t : JdbcStarSchemaWriter.write(c, db.describe(), run, analysed,
                    outcomes, indicators, state, writerOptions)) {
                console.info(String.format(Locale.ROOT, "%s: %,d rows written, %,d of the same week replaced",
                        t.table(), t.written(), t.replaced()));
            }
        } catch (DatabaseException e) {
            throw failure(e);
        } catch (SQLException e) {
            throw new CliException(CliException.FAILURE, db.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Exit status 2 when the user's input or configuration is at fault, 1 otherwise. */
    static CliException failure(DatabaseException e) {
        return new CliException(e.kind().userInput() ? CliException.USAGE : CliException.FAILURE, e.getMessage(), e);
    }
}
