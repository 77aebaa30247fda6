package dev.glosa.io.jdbc;

import dev.glosa.core.text.Language;
import java.util.function.LongConsumer;

/**
 * How a query is read.
 *
 * @param fetchSize rows the driver fetches per round trip, so the result is never held whole (default 10,000)
 * @param queryTimeoutSeconds the time-out of the query, 0 for none (default 600)
 * @param progressEvery rows between two progress reports
 * @param progress called with the rows read so far every {@code progressEvery} rows and at the end
 * @param language the language of the rejects' {@code detail} and of errors (default English)
 */
public record JdbcReadOptions(
        int fetchSize, int queryTimeoutSeconds, long progressEvery, LongConsumer progress, Language language) {
    /** The default fetch size. */
    public static final int DEFAULT_FETCH_SIZE = 10_000;
    /** The default query time-out, in seconds. */
    public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 600;

    /**
     * Checks the values; a {@code null} progress reports nothing.
     *
     * @param fetchSize as {@link #fetchSize()}
     * @param queryTimeoutSeconds as {@link #queryTimeoutSeconds()}
     * @param progressEvery as {@link #progressEvery()}
     * @param progress as {@link #progress()}; {@code null} for its default
     * @param language as {@link #language()}; {@code null} for its default
     */
    public JdbcReadOptions {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1, found " + fetchSize);
        }
        if (queryTimeoutSeconds < 0) {
            throw new IllegalArgumentException(
                    "queryTimeoutSeconds must be 0 (none) or more, found " + queryTimeoutSeconds);
        }
        if (progressEvery < 1) {
            throw new IllegalArgumentException("progressEvery must be at least 1, found " + progressEvery);
        }
        progress = progress == null ? rows -> {} : progress;
        language = language == null ? Language.EN : language;
    }

    /**
     * Options whose rejects and errors are in English.
     *
     * @param fetchSize rows the driver fetches per round trip
     * @param queryTimeoutSeconds the time-out of the query, 0 for none
     * @param progressEvery rows between two progress reports
     * @param progress called with the rows read so far, or {@code null}
     */
    public JdbcReadOptions(int fetchSize, int queryTimeoutSeconds, long progressEvery, LongConsumer progress) {
        this(fetchSize, queryTimeoutSeconds, progressEvery, progress, Language.EN);
    }

    /** {@return the defaults: 10,000 rows per fetch, a 600 s time-out, no progress} */
    public static JdbcReadOptions defaults() {
        return new JdbcReadOptions(DEFAULT_FETCH_SIZE, DEFAULT_QUERY_TIMEOUT_SECONDS, 100_000, null);
    }

    /**
     * {@return the same options with another time-out (0 for none)}
     *
     * @param seconds the time-out in seconds, 0 for none
     */
    public JdbcReadOptions withQueryTimeoutSeconds(int seconds) {
        return new JdbcReadOptions(fetchSize, seconds, progressEvery, progress, language);
    }

    /**
     * {@return the same options with another fetch size}
     *
     * @param rows the rows fetched per round trip, at least 1
     */
    public JdbcReadOptions withFetchSize(int rows) {
        return new JdbcReadOptions(rows, queryTimeoutSeconds, progressEvery, progress, language);
    }

    /**
     * {@return the same options reporting progress every {@code every} rows to {@code consumer}}
     *
     * @param every rows between two reports
     * @param consumer called with the rows read so far
     */
    public JdbcReadOptions withProgress(long every, LongConsumer consumer) {
        return new JdbcReadOptions(fetchSize, queryTimeoutSeconds, every, consumer, language);
    }

    /**
     * {@return the same options with the rejects' detail and errors in {@code language}}
     *
     * @param language the language
     */
    public JdbcReadOptions withLanguage(Language language) {
        return new JdbcReadOptions(fetchSize, queryTimeoutSeconds, progressEvery, progress, language);
    }
}
