package dev.glosa.cluster.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The clustering strategies found on the class path, by id.
 *
 * <p>Strategies are loaded once, when the registry is built, with {@link ServiceLoader}; those that report
 * themselves unavailable (an optional library missing) are left out and listed in {@link #unavailable()}.
 */
public final class StrategyRegistry {
    private static final System.Logger LOG = System.getLogger(StrategyRegistry.class.getName());

    private final Map<String, ClusteringStrategy> byId;
    private final List<String> unavailable;

    private StrategyRegistry(Map<String, ClusteringStrategy> byId, List<String> unavailable) {
        this.byId = byId;
        this.unavailable = unavailable;
    }

    /** {@return the strategies visible to the context class loader (or this class's loader when there is none)} */
    public static StrategyRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(cl != null ? cl : StrategyRegistry.class.getClassLoader());
    }

    /**
     * The strategies visible to {@code loader}.
     *
     * @param loader where {@link java.util.ServiceLoader} looks
     * @return the registry
     * @throws IllegalStateException if two available strategies share an id
     */
    public static StrategyRegistry load(ClassLoader loader) {
        TreeMap<String, ClusteringStrategy> byId = new TreeMap<>();
        TreeMap<String, String> skipped = new TreeMap<>();
        var it = ServiceLoader.load(ClusteringStrategy.class, loader).iterator();
        while (true) {
            ClusteringStrategy s;
            try {
                if (!it.hasNext()) {
                    break;
                }
                s = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "skipping a clustering strategy that cannot be loaded: " + e.getMessage());
                continue;
            }
            if (!s.isAvailable()) {
                skipped.put(s.id(), s.getClass().getName());
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "clustering strategy '" + s.id() + "' (" + s.getClass().getName()
                                + ") is unavailable: a library it needs is missing");
                continue;
            }
            ClusteringStrategy prev = byId.put(s.id(), s);
            if (prev != null) {
                throw new IllegalStateException("two clustering strategies share the id '" + s.id() + "': "
                        + prev.getClass().getName() + " and " + s.getClass().getName());
            }
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "clustering strategy '" + s.id() + "' from " + s.getClass().getName());
        }
        return new StrategyRegistry(Collections.unmodifiableMap(byId), List.copyOf(skipped.keySet()));
    }

    /**
     * {@return a registry of exactly the given strategies, for callers that wire strategies by hand}
     *
     * @param strategies the strategies
     */
    public static StrategyRegistry of(ClusteringStrategy... strategies) {
        TreeMap<String, ClusteringStrategy> byId = new TreeMap<>();
        for (ClusteringStrategy s : strategies) {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("two clustering strategies share the id '" + s.id() + "'");
            }
        }
        return new StrategyRegistry(Collections.unmodifiableMap(byId), List.of());
    }

    /** {@return the ids of the available strategies, sorted} */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** {@return the ids of strategies that were found but reported themselves unavailable, sorted} */
    public List<String> unavailable() {
        return unavailable;
    }

    /**
     * {@return the strategy with that id, if available}
     *
     * @param id the strategy's id
     */
    public Optional<ClusteringStrategy> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The strategy with that id.
     *
     * @param id the strategy's id
     * @return the strategy
     * @throws IllegalArgumentException naming the id and listing the known ones
     */
    public ClusteringStrategy get(String id) {
        ClusteringStrategy s = byId.get(id);
        if (s == null) {
            String extra =
                    unavailable.contains(id) ? " ('" + id + "' was found but a library it needs is missing)" : "";
            throw new IllegalArgumentException(
                    "unknown clustering strategy '" + id + "'; known: " + byId.keySet() + extra);
        }
        return s;
    }

    @Override
    public String toString() {
        return "StrategyRegistry" + byId.keySet();
    }
}
