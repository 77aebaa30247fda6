package dev.glosa.io.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadOnlyQueryTests {

    private static String check(String sql) throws DatabaseException {
        return ReadOnlyQuery.check(sql, "q.sql");
    }

    @Test
    void oneSelectOrWithIsSentWithoutItsTrailingSemicolons() throws DatabaseException {
        assertThat(check("SELECT 1;")).isEqualTo("SELECT 1");
        assertThat(check("  select a from t ;; \n -- done\n")).isEqualTo("  select a from t");
        assertThat(check("-- header; with a semicolon\n/* and /* nested; */ one */\nWITH x AS (SELECT 1 AS a)"
                        + " SELECT a FROM x;"))
                .endsWith("SELECT a FROM x");
        assertThat(check("(SELECT 1)")).isEqualTo("(SELECT 1)");
    }

    @Test
    void wordsAndSemicolonsInsideLiteralsAndQuotedNamesDoNotCount() throws DatabaseException {
        assertThat(check("SELECT 'a; DELETE FROM t' AS x, \"update\" FROM t WHERE n = 'it''s; insert'"))
                .contains("it''s; insert");
        assertThat(check("SELECT E'\\'; drop table t' AS x")).startsWith("SELECT E");
        assertThat(check("SELECT $body$; DELETE FROM t$body$ AS x, $$;$$ AS y")).endsWith("AS y");
        assertThat(check("SELECT [delete] FROM t")).isEqualTo("SELECT [delete] FROM t");
        assertThat(check("SELECT update_date, deleted FROM t")).isEqualTo("SELECT update_date, deleted FROM t");
    }

    @Test
    void anythingElseIsRefusedNamingTheLineAndWhy() {
        assertThatThrownBy(() -> check("\n\nDELETE FROM t"))
                .hasMessage("q.sql:3: refused before sending it: the query"
                        + " must be one SELECT or WITH statement, and it starts with 'DELETE' (glosa only reads from the"
                        + " database)");
        assertThatThrownBy(() -> check("SELECT 1; SELECT 2")).hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> check("SELECT * INTO copy FROM t")).hasMessageContaining("the word 'INTO'");
        assertThatThrownBy(() -> check("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"))
                .hasMessageContaining("the word 'DELETE'");
        assertThatThrownBy(() -> check("SELECT * FROM t FOR UPDATE")).hasMessageContaining("'UPDATE'");
        assertThatThrownBy(() -> check("-- only a comment\n")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> check("SELECT 'open")).hasMessageContaining("is not closed");
        assertThatThrownBy(() -> check("SELECT 1 /* open")).hasMessageContaining("comment is not closed");
        assertThatThrownBy(() -> check("/* x */ update t set a = 1")).hasMessageContaining("starts with 'update'");
    }
}
