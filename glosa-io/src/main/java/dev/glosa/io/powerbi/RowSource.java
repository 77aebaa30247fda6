package dev.glosa.io.powerbi;

import java.util.List;

/** The rows one run adds to a table, produced one at a time so the fact table is never held as text. */
interface RowSource {

    /** The number of rows. */
    int size();

    /**
     * Fills {@code cells}, one per column of the run's header, with row {@code i}'s cell texts; text cells come already
     * guarded, missing values are empty.
     */
    void fill(int i, String[] cells);

    /** Rows already built as text. */
    static RowSource of(List<String[]> rows) {
        return new RowSource() {
            @Override
            public int size() {
                return rows.size();
            }

            @Override
            public void fill(int i, String[] cells) {
                String[] r = rows.get(i);
                System.arraycopy(r, 0, cells, 0, r.length);
            }
        };
    }
}
