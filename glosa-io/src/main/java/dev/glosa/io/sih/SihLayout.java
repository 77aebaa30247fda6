package dev.glosa.io.sih;

import java.util.Objects;

/**
 * A recognised SIH file layout: its system and the era of its field set.
 *
 * <p>Era labels are those of the reference layouts ({@code RD 1995}, {@code RD 1997}, {@code RD 2008-2011},
 * {@code RD 2014}, {@code RD 2016+}, {@code RJ 2006-2007}, {@code RJ 2008+}, {@code ER 2011+}, {@code SP 2004},
 * {@code SP 2007}, {@code SP 2016+}); a file of another month with the same field set gets the same label.
 *
 * @param system the file family
 * @param era the label of the field set
 */
public record SihLayout(SihSystem system, String era) {

    /**
     * Checks both parts are present.
     *
     * @param system as {@link #system()}
     * @param era as {@link #era()}
     */
    public SihLayout {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(era, "era");
    }

    /** {@return {@code system era}, for example {@code RD 2016+}} */
    public String label() {
        return system + " " + era;
    }

    @Override
    public String toString() {
        return label();
    }
}
