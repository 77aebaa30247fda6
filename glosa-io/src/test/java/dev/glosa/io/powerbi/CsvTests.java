package dev.glosa.io.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glosa.core.table.DoubleColumn;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Property
    void recordsRoundTrip(@ForAll List<String> cells) throws IOException {
        if (cells.isEmpty()) {
            return;
        }
        StringWriter w = new StringWriter();
        String[] in = cells.toArray(new String[0]);
        Csv.writeRecord(w, in);
        Csv.writeRecord(w, new String[] {"a", "b"});
        Csv.RecordReader r = new Csv.RecordReader(new StringReader(w.toString()), "x.csv");
        String[] back = r.next();
        if (in.length == 1 && in[0].isEmpty()) {
            assertThat(back).containsExactly("");
        } else {
            assertThat(back).containsExactly(in);
        }
        assertThat(r.next()).containsExactly("a", "b");
        assertThat(r.next()).isNull();
    }

    @Test
    void aCellThatStartsWithAByteOrderMarkSurvivesAsTheFirstCellOfTheFile() throws IOException {
        StringWriter w = new StringWriter();
        Csv.writeRecord(w, new String[] {"\uFEFFx", "y"});
        Csv.RecordReader r = new Csv.RecordReader(new StringReader(w.toString()), "x.csv");
        assertThat(r.next()).containsExactly("\uFEFFx", "y");
    }

    @Property
    void fastNumberTextIsTheCoreFormat(
            @ForAll double v, @ForAll @IntRange(min = -1_000_000_000, max = 1_000_000_000) int cents) {
        assertThat(Tables.number(v)).isEqualTo(DoubleColumn.format(v));
        assertThat(Tables.number(cents / 100.0)).isEqualTo(DoubleColumn.format(cents / 100.0));
        assertThat(Tables.number(cents / 3.0)).isEqualTo(DoubleColumn.format(cents / 3.0));
    }

    @Test
    void numbersAndNegativeAmountsAreWrittenPlain() throws IOException {
        StringWriter w = new StringWriter();
        Csv.writeRecord(w, new String[] {"-12.5", "1234.56", "", "x,y", "say \"hi\""});
        assertThat(w).hasToString("-12.5,1234.56,,\"x,y\",\"say \"\"hi\"\"\"\r\n");
    }

    @Test
    void readerHandlesBomLoneLineFeedsAndQuotedBreaks() throws IOException {
        Csv.RecordReader r = new Csv.RecordReader(new StringReader("\uFEFFa,b\n\"1\r\n2\",3\r\n"), "x.csv");
        List<String[]> rows = new ArrayList<>();
        for (String[] c; (c = r.next()) != null; ) {
            rows.add(c);
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("a", "b");
        assertThat(rows.get(1)).containsExactly("1\r\n2", "3");
        assertThat(r.recordLine()).isEqualTo(2);
    }

    @Test
    void readerErrorsNameFileLineAndField() {
        Csv.RecordReader r = new Csv.RecordReader(new StringReader("a,b\nx,y\"z\n"), "f.csv");
        assertThatThrownBy(() -> {
                    r.next();
                    r.next();
                })
                .isInstanceOf(IOException.class)
                .hasMessage("f.csv:2:field 2: a quote inside an unquoted field");
        Csv.RecordReader open = new Csv.RecordReader(new StringReader("\"abc"), "g.csv");
        assertThatThrownBy(open::next).hasMessage("g.csv:1: the file ends inside a quoted field");
        Csv.RecordReader after = new Csv.RecordReader(new StringReader("\"a\"b"), "h.csv");
        assertThatThrownBy(after::next).hasMessage("h.csv:1:field 1: text after a closing quote: 'b'");
    }
}
