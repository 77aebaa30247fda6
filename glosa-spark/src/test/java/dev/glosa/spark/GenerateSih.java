package dev.glosa.spark;

import dev.glosa.io.generate.SihFileSet;
import dev.glosa.io.generate.SihFiles;
import dev.glosa.io.generate.SihGenerator;
import dev.glosa.io.generate.SihGeneratorConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes generated SIH files for the scale measurement of docs/performance.md (not a test):
 * {@code GenerateSih FOLDER CLAIMS HOSPITALS SEED [STATE]}, one state's RD, RJ and ER .dbc files per month; STATE is
 * the IBGE code that starts every AIH number and names the files (default 51, Mato Grosso), so runs for different
 * states add up to a multi-state data set without AIH numbers in common.
 */
final class GenerateSih {
    private GenerateSih() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        long claims = Long.parseLong(args[1]);
        int hospitals = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        SihGeneratorConfig c = SihGeneratorConfig.defaults(seed).withHospitals(hospitals);
        if (args.length > 4) {
            c = new SihGeneratorConfig(
                    c.seed(),
                    c.hospitals(),
                    c.firstMonth(),
                    c.months(),
                    c.rdExtraMonths(),
                    c.claimsPerHospitalMonth(),
                    Integer.parseInt(args[4]),
                    c.rejectionRate(),
                    c.representationRate(),
                    c.rerejectionRate(),
                    c.partialPaymentRate(),
                    c.valueChangeRate(),
                    c.longStayRate());
        }
        SihFileSet files = SihFiles.write(SihGenerator.generate(c.withTotalClaims(claims)), folder);
        System.out.println("--rd " + join(files.rd()) + " --rj " + join(files.rj()) + " --er " + join(files.er()));
    }

    private static String join(java.util.List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path p : files) {
            sb.append(sb.length() == 0 ? "" : " ").append(p);
        }
        return sb.toString();
    }
}
