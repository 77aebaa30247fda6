package dev.glosa.cluster.loop;

import dev.glosa.cluster.spi.Clustering;
import dev.glosa.cluster.spi.ClusteringStrategy;
import dev.glosa.cluster.spi.FeatureMatrix;
import dev.glosa.cluster.spi.Parameter;
import dev.glosa.cluster.spi.ParameterSpace;
import dev.glosa.cluster.spi.Parameters;

/** Strategies that exist only to exercise the loop's handling of failures and noise. */
final class TestStrategies {
    private TestStrategies() {}

    /** Always throws, as a broken plug-in would. */
    static final class Failing implements ClusteringStrategy {
        static final String ID = "failing";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public ParameterSpace parameters() {
            return ParameterSpace.of(ID, new Parameter.IntParameter(K, 2, 1, 100, "number of clusters"));
        }

        @Override
        public Clustering cluster(FeatureMatrix data, Parameters parameters, long seed) {
            throw new IllegalStateException("planted failure on " + data.rows() + " rows");
        }
    }

    /**
     * A strategy without k that splits points by the sign of their first feature and calls points within
     * {@code eps} of zero noise, reporting the radius like DBSCAN does.
     */
    static final class SignSplit implements ClusteringStrategy {
        static final String ID = "signsplit";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public ParameterSpace parameters() {
            return ParameterSpace.of(ID, new Parameter.RealParameter(EPS, 0.3, 0.0, 10.0, "noise band"));
        }

        @Override
        public Clustering cluster(FeatureMatrix data, Parameters parameters, long seed) {
            double eps = parameters.getDouble(EPS);
            int[] labels = new int[data.rows()];
            for (int i = 0; i < labels.length; i++) {
                double x = data.get(i, 0);
                labels[i] = Math.abs(x) < eps ? Clustering.NOISE : x > 0 ? 1 : 0;
            }
            return Clustering.builder(ID, parameters, seed, labels).build();
        }
    }
}
