package dev.glosa.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryColumnTests {

    /** A column of {@code values} distinct values over {@code values + 3} rows, with a missing row at 1. */
    private static CategoryColumn column(int values) {
        CategoryColumn.Builder b = new CategoryColumn.Builder("PROC_REA", values + 3);
        b.add("v0").addMissing();
        for (int v = 0; v < values; v++) {
            b.add("v" + v);
        }
        b.add("v" + (values - 1));
        return b.build();
    }

    @ParameterizedTest(name = "{0} values: {1} byte(s) per row")
    @CsvSource({"1, 1", "255, 1", "256, 2", "65535, 2", "65536, 4", "70000, 4"})
    void aCodeTakesTheFewestBytesItsDictionaryAllows(int values, int bytes) {
        CategoryColumn c = column(values);

        assertThat(c.bytesPerCode()).isEqualTo(bytes);
        assertThat(c.cardinality()).isEqualTo(values);
        assertThat(c.size()).isEqualTo(values + 3);
        assertThat(c.code(0)).isZero();
        assertThat(c.isMissing(1)).isTrue();
        assertThat(c.code(1)).isEqualTo(CategoryColumn.MISSING);
        assertThat(c.get(1)).isNull();
        assertThat(c.text(1)).isEmpty();
        // The largest code, which a narrow code must not read as negative.
        assertThat(c.code(values + 2)).isEqualTo(values - 1);
        assertThat(c.get(values + 2)).isEqualTo("v" + (values - 1));
        int[] codes = c.codes();
        for (int r = 0; r < c.size(); r++) {
            assertThat(codes[r]).isEqualTo(c.code(r));
            assertThat(c.get(r)).isEqualTo(codes[r] < 0 ? null : "v" + codes[r]);
        }
    }

    @ParameterizedTest(name = "{0} values")
    @CsvSource({"3", "300", "70000"})
    void selectAndRenameKeepTheCodesAndTheirWidth(int values) {
        CategoryColumn c = column(values);

        CategoryColumn picked =
                c.select(new int[] {values + 2, 1, 0, values + 2}).rename("PROC_SOLIC");

        assertThat(picked.name()).isEqualTo("PROC_SOLIC");
        assertThat(picked.bytesPerCode()).isEqualTo(c.bytesPerCode());
        assertThat(picked.codes()).containsExactly(values - 1, CategoryColumn.MISSING, 0, values - 1);
        assertThat(picked.cardinality()).isEqualTo(values);
    }

    @Test
    void ofCodesAndConstantAreNarrowToo() {
        CategoryColumn fromCodes = CategoryColumn.ofCodes("SEXO", new int[] {1, -1, 0}, new String[] {"1", "3"});
        CategoryColumn constant = CategoryColumn.constant("payer", "SUS", 4);
        CategoryColumn missing = CategoryColumn.constant("payer", null, 2);

        assertThat(fromCodes.bytesPerCode()).isEqualTo(1);
        assertThat(fromCodes.codes()).containsExactly(1, -1, 0);
        assertThat(constant.bytesPerCode()).isEqualTo(1);
        assertThat(constant.get(3)).isEqualTo("SUS");
        assertThat(missing.codes()).containsExactly(-1, -1);
    }
}
