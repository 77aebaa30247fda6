package dev.glosa.io.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server on a loopback port for one test class: the superuser {@code postgres} logs in without a
 * password, every other role with its password (so a wrong password is refused as in production).
 */
final class Postgres implements AutoCloseable {
    static final String READER = "glosa_reader";
    static final String READER_PASSWORD = "s3cret-Pa55";

    private final EmbeddedPostgres server;
    private final Path hba;

    private Postgres(EmbeddedPostgres server, Path hba) {
        this.server = server;
        this.hba = hba;
    }

    static Postgres start() throws IOException, SQLException {
        Path hba = Files.createTempFile("glosa-pg-hba", ".conf");
        Files.writeString(hba, """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """, StandardCharsets.US_ASCII);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        Postgres pg = new Postgres(server, hba);
        pg.execute("CREATE ROLE " + READER + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
        return pg;
    }

    int port() {
        return server.getPort();
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    /** A superuser connection, for setting up tables and looking at them. */
    Connection admin() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    void execute(String... sql) throws SQLException {
        try (Connection c = admin();
                Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(hba);
    }
}
