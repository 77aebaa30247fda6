package dev.glosa.io.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

class ProbeTests {
    @Test
    void starts() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement(); var r = s.executeQuery("select version()")) {
                r.next();
                System.out.println("VERSION " + r.getString(1));
            }
        }
    }
}
