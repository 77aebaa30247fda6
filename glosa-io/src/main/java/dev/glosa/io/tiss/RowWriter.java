package dev.glosa.io.tiss;

import static dev.glosa.io.tiss.TissColumns.*;

import dev.glosa.core.table.CategoryColumn;
import dev.glosa.core.table.DateColumn;
import dev.glosa.core.table.DoubleColumn;
import dev.glosa.core.table.GlosaTable;
import dev.glosa.core.table.LongColumn;
import dev.glosa.core.table.MonthColumn;
import dev.glosa.core.table.TableBuilder;

/**
 * Appends TISS rows to the column builders: the caller fills the public-in-package scratch fields of the row (one
 * set, reused for every row, so no object is created per row) and calls {@link #emit()}.
 */
final class RowWriter {
    private final TableBuilder builder;
    private final CategoryColumn.Builder sourceFile;
    private final CategoryColumn.Builder version;
    private final CategoryColumn.Builder payer;
    private final CategoryColumn.Builder payerName;
    private final CategoryColumn.Builder hospital;
    private final CategoryColumn.Builder providerCode;
    private final CategoryColumn.Builder providerName;
    private final CategoryColumn.Builder cnes;
    private final CategoryColumn.Builder statementNumber;
    private final DateColumn.Builder statementDate;
    private final CategoryColumn.Builder batchNumber;
    private final CategoryColumn.Builder protocolNumber;
    private final DateColumn.Builder protocolDate;
    private final CategoryColumn.Builder protocolStatus;
    private final CategoryColumn.Builder guideNumber;
    private final CategoryColumn.Builder operatorGuideNumber;
    private final CategoryColumn.Builder cardNumber;
    private final CategoryColumn.Builder guideStatus;
    private final DateColumn.Builder billingStart;
    private final DateColumn.Builder billingEnd;
    private final LongColumn.Builder claimId;
    private final LongColumn.Builder itemSeq;
    private final DateColumn.Builder serviceDate;
    private final CategoryColumn.Builder procedureTable;
    private final CategoryColumn.Builder procedureCode;
    private final CategoryColumn.Builder procedureDescription;
    private final DoubleColumn.Builder quantity;
    private final MonthColumn.Builder competence;
    private final DoubleColumn.Builder billed;
    private final DoubleColumn.Builder processed;
    private final DoubleColumn.Builder paid;
    private final DoubleColumn.Builder glosa;
    private final CategoryColumn.Builder glosaLevel;
    private final CategoryColumn.Builder rowPart;
    private final CategoryColumn.Builder reasonCode;
    private final CategoryColumn.Builder reasonDescription;
    private final CategoryColumn.Builder reasonGroup;
    private final CategoryColumn.Builder glosaType;
    private final CategoryColumn.Builder consumptionCentre;
    private final CategoryColumn.Builder consumptionCentreName;
    // Guide and statement observacao come after the rows they describe (TISS 4.03 puts them after the totals), so
    // they are set on rows already written: one dictionary code per row, -1 when none.
    private int[] guideNote = new int[0];
    private int[] statementNote = new int[0];
    private final java.util.List<String> notes = new java.util.ArrayList<>();
    private final java.util.Map<String, Integer> noteCodes = new java.util.HashMap<>();
    private int rows;

    // The scratch row. Text fields: null is missing. Dates: epoch day or DateColumn.MISSING.
    String fSourceFile;
    String fVersion;
    String fPayer;
    String fPayerName;
    String fHospital;
    String fProviderCode;
    String fProviderName;
    String fCnes;
    String fStatementNumber;
    int fStatementDate = DateColumn.MISSING;
    String fBatchNumber;
    String fProtocolNumber;
    int fProtocolDate = DateColumn.MISSING;
    String fProtocolStatus;
    String fGuideNumber;
    String fOperatorGuideNumber;
    String fCardNumber;
    String fGuideStatus;
    int fBillingStart = DateColumn.MISSING;
    int fBillingEnd = DateColumn.MISSING;
    long fClaimId = LongColumn.MISSING;
    long fItemSeq = LongColumn.MISSING;
    int fServiceDate = DateColumn.MISSING;
    String fProcedureTable;
    String fProcedureCode;
    String fProcedureDescription;
    double fQuantity = Double.NaN;
    int fCompetence = MonthColumn.MISSING;
    long fBilledCents;
    long fProcessedCents;
    long fPaidCents;
    long fGlosaCents;
    TissLevel fLevel;
    String fRowPart;
    String fReasonCode;
    String fReasonDescription;
    String fReasonGroup;
    String fGlosaType;
    String fConsumptionCentre;

    RowWriter(int expectedRows) {
        builder = GlosaTable.builder(expectedRows);
        sourceFile = builder.category(SOURCE_FILE);
        version = builder.category(TISS_VERSION);
        payer = builder.category(PAYER);
        payerName = builder.category(PAYER_NAME);
        hospital = builder.category(HOSPITAL);
        providerCode = builder.category(PROVIDER_CODE);
        providerName = builder.category(PROVIDER_NAME);
        cnes = builder.category(CNES);
        statementNumber = builder.category(STATEMENT_NUMBER);
        statementDate = builder.dates(STATEMENT_DATE);
        batchNumber = builder.category(BATCH_NUMBER);
        protocolNumber = builder.category(PROTOCOL_NUMBER);
        protocolDate = builder.dates(PROTOCOL_DATE);
        protocolStatus = builder.category(PROTOCOL_STATUS);
        guideNumber = builder.category(GUIDE_NUMBER);
        operatorGuideNumber = builder.category(OPERATOR_GUIDE_NUMBER);
        cardNumber = builder.category(CARD_NUMBER);
        guideStatus = builder.category(GUIDE_STATUS);
        billingStart = builder.dates(BILLING_START);
        billingEnd = builder.dates(BILLING_END);
        claimId = builder.longs(CLAIM_ID);
        itemSeq = builder.longs(ITEM_SEQ);
        serviceDate = builder.dates(SERVICE_DATE);
        procedureTable = builder.category(PROCEDURE_TABLE);
        procedureCode = builder.category(PROCEDURE_CODE);
        procedureDescription = builder.category(PROCEDURE_DESCRIPTION);
        quantity = builder.doubles(QUANTITY);
        competence = builder.months(COMPETENCE);
        billed = builder.doubles(BILLED_AMOUNT);
        processed = builder.doubles(PROCESSED_AMOUNT);
        paid = builder.doubles(PAID_AMOUNT);
        glosa = builder.doubles(GLOSA_AMOUNT);
        glosaLevel = builder.category(GLOSA_LEVEL);
        rowPart = builder.category(ROW_PART);
        reasonCode = builder.category(REASON_CODE);
        reasonDescription = builder.category(REASON_DESCRIPTION);
        reasonGroup = builder.category(REASON_GROUP);
        glosaType = builder.category(GLOSA_TYPE);
        consumptionCentre = builder.category(CONSUMPTION_CENTRE);
        consumptionCentreName = builder.category(CONSUMPTION_CENTRE_NAME);
    }

    /** Appends the scratch row. */
    void emit() {
        sourceFile.add(fSourceFile);
        version.add(fVersion);
        payer.add(fPayer);
        payerName.add(fPayerName);
        hospital.add(fHospital);
        providerCode.add(fProviderCode);
        providerName.add(fProviderName);
        cnes.add(fCnes);
        statementNumber.add(fStatementNumber);
        statementDate.addEpochDay(fStatementDate);
        batchNumber.add(fBatchNumber);
        protocolNumber.add(fProtocolNumber);
        protocolDate.addEpochDay(fProtocolDate);
        protocolStatus.add(fProtocolStatus);
        guideNumber.add(fGuideNumber);
        operatorGuideNumber.add(fOperatorGuideNumber);
        cardNumber.add(fCardNumber);
        guideStatus.add(fGuideStatus);
        billingStart.addEpochDay(fBillingStart);
        billingEnd.addEpochDay(fBillingEnd);
        claimId.add(fClaimId);
        itemSeq.add(fItemSeq);
        serviceDate.addEpochDay(fServiceDate);
        procedureTable.add(fProcedureTable);
        procedureCode.add(fProcedureCode);
        procedureDescription.add(fProcedureDescription);
        quantity.add(fQuantity);
        competence.addIndex(fCompetence);
        billed.add(fBilledCents / 100.0);
        processed.add(fProcessedCents / 100.0);
        paid.add(fPaidCents / 100.0);
        glosa.add(fGlosaCents / 100.0);
        glosaLevel.add(fLevel.label());
        rowPart.add(fRowPart);
        reasonCode.add(fReasonCode);
        reasonDescription.add(fReasonDescription);
        reasonGroup.add(fReasonGroup);
        glosaType.add(fGlosaType);
        consumptionCentre.add(fConsumptionCentre);
        consumptionCentreName.add(TissColumns.consumptionCentreName(fConsumptionCentre));
        rows++;
    }

    /** The number of rows emitted. */
    int rows() {
        return rows;
    }

    /** Sets the guide's {@code observacao} on rows {@code from} (inclusive) to the last one written. */
    void guideNote(int from, String text) {
        guideNote = note(guideNote, from, text);
    }

    /** Sets the statement's {@code observacao} on rows {@code from} (inclusive) to the last one written. */
    void statementNote(int from, String text) {
        statementNote = note(statementNote, from, text);
    }

    private int[] note(int[] codes, int from, String text) {
        int[] out = codes;
        if (out.length < rows) {
            int old = out.length;
            out = java.util.Arrays.copyOf(out, Math.max(rows, old * 2));
            java.util.Arrays.fill(out, old, out.length, CategoryColumn.MISSING);
        }
        int code = noteCodes.computeIfAbsent(text, t -> {
            notes.add(t);
            return notes.size() - 1;
        });
        java.util.Arrays.fill(out, from, rows, code);
        return out;
    }

    /** The table of every row emitted; the writer must not be used afterwards. */
    GlosaTable build() {
        String[] dictionary = notes.toArray(new String[0]);
        return builder.build()
                .with(noteColumn(GUIDE_OBSERVATION, guideNote, dictionary))
                .with(noteColumn(STATEMENT_OBSERVATION, statementNote, dictionary));
    }

    private CategoryColumn noteColumn(String name, int[] codes, String[] dictionary) {
        int[] all = java.util.Arrays.copyOf(codes, rows);
        if (codes.length < rows) {
            java.util.Arrays.fill(all, codes.length, rows, CategoryColumn.MISSING);
        }
        return CategoryColumn.ofCodes(name, all, dictionary);
    }
}
