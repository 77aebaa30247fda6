package dev.glosa.io.sih;

import dev.glosa.core.table.GlosaTable;
import dev.glosa.io.dbf.DbfCursor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads DATASUS SIH files (RD, RJ, ER, SP; {@code .dbc} or {@code .dbf}; every layout era since 1995) into
 * tables with the canonical role columns.
 *
 * <p>Columns: {@code claim_id} (LONG) from {@code N_AIH} ({@code AIH} in ER, {@code SP_NAIH} in SP), which
 * must have 13 digits (10 in the 1995/1997 RD and 2004 SP layouts) or the read fails naming file, record and
 * field; {@code hospital} from {@code CNES} ({@code SP_CNES}; the CNPJ {@code CGC_HOSP}/{@code SP_CGCHOSP} in
 * layouts before CNES); {@code payer} = {@code SUS}; {@code competence} from {@code ANO_CMPT}/{@code MES_CMPT}
 * ({@code ANO}/{@code MES}, {@code SP_AA}/{@code SP_MM}; two-digit years are 19xx); {@code billed_amount} from
 * {@code VAL_TOT} in RD and RJ, and {@code paid_amount} too in RD; {@code admission_date}/{@code
 * discharge_date} from {@code DT_INTER}/{@code DT_SAIDA} ({@code yyyyMMdd}, {@code yyMMdd} in 6-wide fields of
 * the 1990s); {@code age_years} (DOUBLE) from {@code IDADE} and its unit {@code COD_IDADE}; in ER, {@code
 * reason_code} = {@code CO_ERRO}, {@code reason_description}, {@code glosa_type} = its two-digit group and
 * {@code glosa_type_description} (see {@link SihErrorCodes}). {@code PROC_REA}, {@code DIAG_PRINC}, {@code
 * ESPEC}, {@code SEXO}, {@code MORTE}, {@code CAR_INT}, {@code COMPLEX}, {@code FINANC}, {@code GESTAO} and
 * {@code IDENT} are categories under their own names; {@code DIAS_PERM} and {@code UTI_MES_TO} are DOUBLE
 * measures; every other field keeps its own name and its DBF type (text = category, {@code N} without
 * decimals = LONG, other numbers = DOUBLE, {@code D} = DATE) unless the options drop them.
 */
public final class SihReader {

    /** Column of the age in years, from {@code IDADE} and its unit {@code COD_IDADE} (NaN when unknown). */
    public static final String AGE_YEARS = "age_years";
    /** Column of the description of an ER error code ({@code CO_ERRO}), missing for codes not in the table. */
    public static final String REASON_DESCRIPTION = "reason_description";
    /** Column of the reading of the two-digit group of an ER error code. */
    public static final String GLOSA_TYPE_DESCRIPTION = "glosa_type_description";

    private SihReader() {}

    /**
     * Reads one file with the default options.
     *
     * @param file the file
     * @throws IOException when the file cannot be read or is corrupt
     * @return the rows, with the layout and the report of each file
     */
    public static SihTable read(Path file) throws IOException {
        return read(file, SihReadOptions.defaults());
    }

    /**
     * Reads one file.
     *
     * @param file the file
     * @param options the charset, CRC policy and threads
     * @return the rows, with the layout and the report of the file
     * @throws dev.glosa.io.dbf.MalformedFileException if the file is corrupt, not a known SIH layout, or a
     *     value breaks a rule (claim number digits, dates, competence)
     */
    public static SihTable read(Path file, SihReadOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        try (DbfCursor cursor = DbfCursor.open(file, options.dbf())) {
            return SihFileReader.read(cursor, options);
        }
    }

    /**
     * Reads many files at once, {@code options.threads()} at a time, into one table per system (RD, RJ, ER, SP
     * order). Rows follow the order of the files given, whatever the thread count; files of different eras of
     * one system are stacked with the union of their columns. If files fail, the error of the first failing
     * file in the order given is thrown.
     *
     * @param files the files, in order
     * @param options the charset, CRC policy and threads
     * @return the rows of the files, one table per SIH system
     * @throws IOException when a file cannot be read or is corrupt
     */
    public static SihBatch readAll(List<Path> files, SihReadOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        List<Path> list = List.copyOf(files);
        SihTable[] results = new SihTable[list.size()];
        int threads = Math.min(options.threads(), list.size());
        if (threads <= 1) {
            for (int i = 0; i < list.size(); i++) {
                results[i] = read(list.get(i), options);
            }
        } else {
            readParallel(list, options, threads, results);
        }
        Map<SihSystem, List<SihTable>> bySystem = new EnumMap<>(SihSystem.class);
        for (SihTable t : results) {
            bySystem.computeIfAbsent(t.system(), k -> new ArrayList<>()).add(t);
        }
        List<SihTable> tables = new ArrayList<>();
        for (Map.Entry<SihSystem, List<SihTable>> e : bySystem.entrySet()) {
            List<GlosaTable> parts = new ArrayList<>();
            List<SihFileReport> reports = new ArrayList<>();
            for (SihTable t : e.getValue()) {
                parts.add(t.table());
                reports.addAll(t.files());
            }
            tables.add(new SihTable(e.getKey(), GlosaTable.concat(parts), reports));
        }
        return new SihBatch(tables);
    }

    /**
     * Reads many files with the default options; see {@link #readAll(List, SihReadOptions)}.
     *
     * @param files the files, in order
     * @throws IOException when a file cannot be read or is corrupt
     * @return the rows of the files, one table per SIH system
     */
    public static SihBatch readAll(List<Path> files) throws IOException {
        return readAll(files, SihReadOptions.defaults());
    }

    private static void readParallel(List<Path> files, SihReadOptions options, int threads, SihTable[] results)
            throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "glosa-sih-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SihTable>> futures = new ArrayList<>(files.size());
            for (Path file : files) {
                futures.add(pool.submit(() -> read(file, options)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results[i] = futures.get(i).get();
                } catch (ExecutionException e) {
                    for (Future<SihTable> f : futures) {
                        f.cancel(true);
                    }
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    } else if (cause instanceof RuntimeException re) {
                        throw re;
                    } else if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new UncheckedIOException(new IOException("reading " + files.get(i) + " failed", cause));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while reading SIH files");
            io.initCause(e);
            throw io;
        } finally {
            pool.shutdownNow();
        }
    }
}
