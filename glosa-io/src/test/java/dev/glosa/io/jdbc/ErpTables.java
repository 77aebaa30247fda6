package dev.glosa.io.jdbc;

import dev.glosa.core.table.GlosaTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;

/** Loads the rows of an ERP export (as the CSV reader read them) into PostgreSQL tables with SQL types. */
final class ErpTables {
    static final String[] DIMS = {
        "hospital",
        "REGIONAL",
        "I_ITEM_CATEGORIA",
        "SETOR_N1",
        "SETOR_N2",
        "TIPO_GRUPO",
        "TIPO_ATENDIMENTO",
        "payer",
        "glosa_type"
    };

    private ErpTables() {}

    /**
     * Table {@code erp_export}: the export's columns one to one ({@code mes_recebimento date}, the dimensions
     * {@code varchar}, the amounts {@code numeric(14,2)}, the line count {@code integer}), with {@code id} in file order.
     */
    static void loadExport(Connection c, GlosaTable t) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS erp_export");
            st.execute(
                    "CREATE TABLE erp_export (id integer PRIMARY KEY, mes_recebimento date NOT NULL, hospital varchar(40),"
                            + " regional varchar(60), i_item_categoria varchar(60), setor_n1 varchar(60), setor_n2 char(40),"
                            + " tipo_grupo varchar(60), tipo_atendimento varchar(60), convenio varchar(60),"
                            + " tipo_glosa varchar(60), valor_cobrado_geral numeric(14,2), valor_glosa numeric(14,2),"
                            + " cobrado_anterior numeric(14,2), glosa_anterior numeric(14,2), qtd_linhas_glosa integer)");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO erp_export VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?," + " ?, ?, ?, ?, ?, ?)")) {
            for (int r = 0; r < t.rowCount(); r++) {
                ps.setInt(1, r);
                ps.setObject(2, t.months("competence").get(r).atDay(1));
                for (int d = 0; d < DIMS.length; d++) {
                    ps.setString(3 + d, t.category(DIMS[d]).get(r));
                }
                ps.setBigDecimal(12, cents(t.doubles("billed_amount").get(r)));
                ps.setBigDecimal(13, cents(t.doubles("glosa_amount").get(r)));
                ps.setBigDecimal(14, cents(t.doubles("billed_previous").get(r)));
                ps.setBigDecimal(15, cents(t.doubles("glosa_previous").get(r)));
                ps.setInt(16, (int) t.doubles("QTD_LINHAS_GLOSA").get(r));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Table {@code glosa_item} of the reference query: each export row as two item lines received on two days of its
     * month, its amounts split between them to the cent.
     */
    static void loadItems(Connection c, GlosaTable t) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS glosa_item");
            st.execute("CREATE TABLE glosa_item (id serial PRIMARY KEY, data_recebimento date NOT NULL,"
                    + " hospital varchar(40), regional varchar(60), item_categoria varchar(60), setor_n1 varchar(60),"
                    + " setor_n2 varchar(60), tipo_grupo varchar(60), tipo_atendimento varchar(60),"
                    + " convenio varchar(60), tipo_glosa varchar(60), valor_cobrado numeric(14,2),"
                    + " valor_glosa numeric(14,2))");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO glosa_item (data_recebimento, hospital, regional,"
                + " item_categoria, setor_n1, setor_n2, tipo_grupo, tipo_atendimento, convenio, tipo_glosa,"
                + " valor_cobrado, valor_glosa) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int r = 0; r < t.rowCount(); r++) {
                YearMonth m = t.months("competence").get(r);
                BigDecimal billed = cents(t.doubles("billed_amount").get(r));
                BigDecimal glosa = cents(t.doubles("glosa_amount").get(r));
                BigDecimal billedHalf = billed.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                BigDecimal glosaHalf = glosa.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                for (int k = 0; k < 2; k++) {
                    LocalDate day = m.atDay(k == 0 ? 1 : 1 + r % m.lengthOfMonth());
                    ps.setObject(1, day);
                    for (int d = 0; d < DIMS.length; d++) {
                        ps.setString(2 + d, t.category(DIMS[d]).get(r));
                    }
                    ps.setBigDecimal(11, k == 0 ? billedHalf : billed.subtract(billedHalf));
                    ps.setBigDecimal(12, k == 0 ? glosaHalf : glosa.subtract(glosaHalf));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** {@code v} as an exact amount in cents; fails when it has more than two decimals. */
    static BigDecimal cents(double v) {
        return Double.isNaN(v) ? null : BigDecimal.valueOf(v).setScale(2, RoundingMode.UNNECESSARY);
    }
}
