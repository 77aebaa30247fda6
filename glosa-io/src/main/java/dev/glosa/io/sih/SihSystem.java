package dev.glosa.io.sih;

/** The four SIH file families DATASUS publishes per state and month. */
public enum SihSystem {
    /** {@code RD}: AIHs reduced (processed and paid). */
    RD("AIHs paid"),
    /** {@code RJ}: AIHs rejected (glosadas). */
    RJ("AIHs rejected"),
    /** {@code ER}: the error codes of rejected AIHs, one row per error. */
    ER("rejection errors"),
    /** {@code SP}: the professional services of each AIH. */
    SP("professional services");

    private final String description;

    SihSystem(String description) {
        this.description = description;
    }

    /** {@return what the files of this system hold, in a few words} */
    public String description() {
        return description;
    }
}
