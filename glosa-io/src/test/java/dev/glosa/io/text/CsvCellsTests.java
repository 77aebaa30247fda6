package dev.glosa.io.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CsvCellsTests {

    @Test
    void formulaLikeTextIsGuardedAndOtherTextIsNot() {
        assertThat(CsvCells.guard("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCells.guard("+55 65 9999")).isEqualTo("'+55 65 9999");
        assertThat(CsvCells.guard("-x")).isEqualTo("'-x");
        assertThat(CsvCells.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.guard("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.guard("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.guard("'=x")).isEqualTo("''=x");
        assertThat(CsvCells.guard("'quoted")).isEqualTo("'quoted");
        assertThat(CsvCells.guard("MATERIAL")).isEqualTo("MATERIAL");
        assertThat(CsvCells.guard("")).isEmpty();
        assertThat(CsvCells.unguard("''=x")).isEqualTo("'=x");
        assertThat(CsvCells.unguard("'quoted")).isEqualTo("'quoted");
    }

    @Property
    void unguardInvertsGuardAndGuardedTextNeverStartsAFormula(@ForAll String text) {
        String g = CsvCells.guard(text);
        assertThat(CsvCells.unguard(g)).isEqualTo(text);
        if (!g.isEmpty()) {
            assertThat("=+-@\t\r".indexOf(g.charAt(0))).isNegative();
        }
    }

    @Test
    void fieldsAreQuotedForTheirOwnDelimiterOnly() {
        assertThat(CsvCells.quote("a;b", ';')).isEqualTo("\"a;b\"");
        assertThat(CsvCells.quote("a;b", ',')).isEqualTo("a;b");
        assertThat(CsvCells.quote("a,b", ',')).isEqualTo("\"a,b\"");
        assertThat(CsvCells.quote("say \"x\"", ';')).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(CsvCells.quote("two\nlines", ';')).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.quote("cr\r", ',')).isEqualTo("\"cr\r\"");
        assertThat(CsvCells.quote("\uFEFFx", ';')).isEqualTo("\"\uFEFFx\"");
        assertThat(CsvCells.quote("plain", ';')).isEqualTo("plain");
        assertThat(CsvCells.quote(null, ';')).isEmpty();
    }

    @Test
    void appendWritesWhatQuoteReturns() {
        for (String s : new String[] {"", "x", "a,b", "\"", "\uFEFF", "a;b"}) {
            StringBuilder sb = new StringBuilder(">");
            CsvCells.append(sb, s, ',');
            assertThat(sb.toString()).isEqualTo(">" + CsvCells.quote(s, ','));
        }
    }

    @Test
    void aGuardedCellIsGuardedThenQuoted() {
        assertThat(CsvCells.guarded("=HYPERLINK(\"x\";1)", ';')).isEqualTo("\"'=HYPERLINK(\"\"x\"\";1)\"");
        assertThat(CsvCells.guarded("'-1", ';')).isEqualTo("''-1");
        assertThat(CsvCells.guarded(null, ';')).isEmpty();
    }
}
