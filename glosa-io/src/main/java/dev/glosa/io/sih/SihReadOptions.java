package dev.glosa.io.sih;

import dev.glosa.io.dbf.DbfReadOptions;
import java.util.Objects;

/**
 * How to read SIH files.
 *
 * @param dbf charset and CRC policy of the underlying DBF/DBC reads
 * @param threads how many files are read at once by {@link SihReader#readAll}; the result does not depend on it
 * @param keepOtherColumns whether fields that play no role and are not a listed dimension or measure are kept
 *     under their own names (the default), or dropped to save memory
 */
public record SihReadOptions(DbfReadOptions dbf, int threads, boolean keepOtherColumns) {

    /**
     * Checks the options.
     *
     * @param dbf as {@link #dbf()}
     * @param threads as {@link #threads()}
     * @param keepOtherColumns as {@link #keepOtherColumns()}
     */
    public SihReadOptions {
        Objects.requireNonNull(dbf, "dbf");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
    }

    /**
     * CP850, CRC mismatch fails, one thread per core, all columns kept.
     *
     * @return the options
     */
    public static SihReadOptions defaults() {
        return new SihReadOptions(
                DbfReadOptions.defaults(), Runtime.getRuntime().availableProcessors(), true);
    }

    /**
     * {@return these options with another thread count}
     *
     * @param value files read at once, at least 1
     */
    public SihReadOptions withThreads(int value) {
        return new SihReadOptions(dbf, value, keepOtherColumns);
    }

    /**
     * {@return these options with other DBF options}
     *
     * @param value the DBF options
     */
    public SihReadOptions withDbf(DbfReadOptions value) {
        return new SihReadOptions(value, threads, keepOtherColumns);
    }

    /** {@return these options, dropping the columns that play no role and are not a listed dimension or measure} */
    public SihReadOptions withoutOtherColumns() {
        return new SihReadOptions(dbf, threads, false);
    }
}
