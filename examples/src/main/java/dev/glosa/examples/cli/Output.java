package dev.glosa.examples.cli;

import dev.glosa.io.jdbc.JdbcUrls;
import java.nio.file.Path;

/** Where a run's star schema goes: a folder ({@code --out DIR}) or a PostgreSQL database ({@code --out jdbc:...}). */
sealed interface Output {

    /** The folder for the log and {@code rejects.csv}: the output folder itself, or the work folder of a database. */
    Path folder();

    /** Where the outputs are, for messages (a database's URL with its credentials masked). */
    String describe();

    /** The star schema's CSV files and manifest in {@code folder}. */
    record Folder(Path folder) implements Output {
        @Override
        public String describe() {
            return folder.toAbsolutePath().normalize().toString();
        }
    }

    /**
     * The star schema's tables in a database.
     *
     * @param url the JDBC URL
     * @param user the user name
     * @param passwordEnv the environment variable holding the password
     * @param folder the work folder for the log and {@code rejects.csv}
     */
    record Database(String url, String user, String passwordEnv, Path folder) implements Output {
        @Override
        public String describe() {
            return JdbcUrls.mask(url);
        }
    }

    /**
     * The output {@code out} names: a database when it starts with {@code jdbc:}, else a folder.
     *
     * @param user the database user ({@code --out-user}, or the source's {@code --user})
     * @param work the work folder for a database output ({@code --work}, default the current folder)
     */
    static Output of(String out, String user, String passwordEnv, Path work) {
        if (!JdbcUrls.isJdbc(out)) {
            return new Folder(Path.of(out));
        }
        if (user == null) {
            throw new CliException(CliException.USAGE, "--out " + JdbcUrls.mask(out) + " is a database: name its user"
                    + " with --out-user (the password comes from " + passwordEnv + ")");
        }
        return new Database(out, user, passwordEnv, work == null ? Path.of(".") : work);
    }
}
