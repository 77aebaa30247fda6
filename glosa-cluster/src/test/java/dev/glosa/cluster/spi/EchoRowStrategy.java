package dev.glosa.cluster.spi;

/** A strategy defined only in test sources and registered through the test {@code META-INF/services}. */
public final class EchoRowStrategy implements ClusteringStrategy {
    private static final ParameterSpace SPACE = ParameterSpace.of(
            "test-parity", new Parameter.IntParameter("modulus", 2, 1, 100, "clusters are the row index modulo this"));

    /** Public no-argument constructor for ServiceLoader. */
    public EchoRowStrategy() {}

    @Override
    public String id() {
        return "test-parity";
    }

    @Override
    public ParameterSpace parameters() {
        return SPACE;
    }

    @Override
    public Clustering cluster(FeatureMatrix data, Parameters parameters, long seed) {
        int[] labels = new int[data.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.rowIndex(i) % parameters.getInt("modulus");
        }
        return Clustering.builder(id(), parameters, seed, labels).build();
    }
}
