package dev.glosa.io.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SIH rejection codes ({@code CO_ERRO}) the generator draws from, in the order of the official table the SIH
 * reader ships as {@code dev/glosa/io/sih/co_erro_moterro.csv} (UTF-8, {@code ;} separated, with a header naming a
 * {@code co_erro} column).
 */
final class ErrorCodes {
    static final String SIH_RESOURCE = "/dev/glosa/io/sih/co_erro_moterro.csv";

    private static volatile String[] cached;

    private ErrorCodes() {}

    /** The codes, in table order (a copy). */
    static String[] codes() {
        String[] c = cached;
        if (c == null) {
            c = load();
            cached = c;
        }
        return c.clone();
    }

    private static String[] load() {
        String resource = SIH_RESOURCE;
        InputStream in = ErrorCodes.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(SIH_RESOURCE + " is not on the class path");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    static String[] parse(BufferedReader r, String source) throws IOException {
        String header = r.readLine();
        if (header == null) {
            throw new IllegalStateException(source + ":1: empty, expected a header with a co_erro column");
        }
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
            header = header.substring(1);
        }
        String[] names = header.split(";", -1);
        int col = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].trim().toLowerCase(Locale.ROOT).equals("co_erro")) {
                col = i;
            }
        }
        if (col < 0) {
            throw new IllegalStateException(source + ":1: no co_erro column in header '" + header + "'");
        }
        List<String> codes = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length <= col || f[col].isBlank()) {
                throw new IllegalStateException(source + ":" + lineNo + ": no co_erro value in '" + line + "'");
            }
            codes.add(f[col].trim());
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException(source + ": no codes after the header");
        }
        return codes.toArray(new String[0]);
    }
}
