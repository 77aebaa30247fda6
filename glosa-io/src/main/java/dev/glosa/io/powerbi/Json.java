package dev.glosa.io.powerbi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.glosa.core.table.DoubleColumn;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Small JSON texts written with Jackson, numbers as plain decimals so the bytes never depend on the platform. */
final class Json {
    static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** Writes one value with a generator. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Compact JSON text. */
    static String compact(Body body) {
        return text(body, false);
    }

    /** Indented JSON text, two spaces and {@code \n} whatever the platform. */
    static String pretty(Body body) {
        return text(body, true);
    }

    private static String text(Body body, boolean pretty) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(sw)) {
            if (pretty) {
                DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
                g.setPrettyPrinter(
                        new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
            }
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return pretty ? sw + "\n" : sw.toString();
    }

    /** A number as {@link DoubleColumn#format(double)} writes it; {@code null} for {@code NaN} and infinities. */
    static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        number(g, v);
    }

    /** Money rounded to the cent as {@link Decimals#money(double)} writes it; {@code null} for {@code NaN} and infinities. */
    static void money(JsonGenerator g, String field, double v) throws IOException {
        rounded(g, field, v, Decimals.MONEY);
    }

    /** A rate to six decimals as {@link Decimals#rate(double)} writes it; {@code null} for {@code NaN} and infinities. */
    static void rate(JsonGenerator g, String field, double v) throws IOException {
        rounded(g, field, v, Decimals.RATE);
    }

    private static void rounded(JsonGenerator g, String field, double v, int decimals) throws IOException {
        g.writeFieldName(field);
        if (Double.isFinite(v)) {
            g.writeNumber(Decimals.format(v, decimals));
        } else {
            g.writeNull();
        }
    }

    static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(DoubleColumn.format(v));
        } else {
            g.writeNull();
        }
    }
}
