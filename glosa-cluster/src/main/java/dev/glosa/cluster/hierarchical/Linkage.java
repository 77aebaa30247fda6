package dev.glosa.cluster.hierarchical;

import java.util.Locale;

/** The linkage criteria offered; {@code WARD} is the default. */
enum Linkage {
    WARD,
    COMPLETE,
    AVERAGE,
    SINGLE;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Linkage of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
