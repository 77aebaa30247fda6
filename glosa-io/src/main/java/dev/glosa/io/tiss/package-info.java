/**
 * Reads TISS XML, the private-sector exchange format: demonstrativos de análise de conta (TISS 3.05, 4.01 and
 * 4.03), recursos de glosa and the operators' answers, into a {@link dev.glosa.core.table.GlosaTable}.
 *
 * <p>Entry point: {@link dev.glosa.io.tiss.TissReader}. Its result holds the table, a
 * {@link dev.glosa.io.tiss.TissReadReport} and the appeal {@link dev.glosa.io.tiss.RecoveryRates recovery indicator}.
 * Column names are in {@link dev.glosa.io.tiss.TissColumns}.
 *
 * <h2>Where the data sits</h2>
 * {@code mensagemTISS/operadoraParaPrestador/demonstrativosRetorno/demonstrativoAnaliseConta} (up to 30 per message)
 * holds {@code cabecalhoDemonstrativo} (registroANS, numeroDemonstrativo, nomeOperadora, dataEmissao),
 * {@code dadosPrestador} (dadosContratado, CNES) and {@code dadosConta/dadosProtocolo}*, each with
 * {@code GlosaProtocolo}? and {@code relacaoGuias}*; a guide has {@code motivoGlosaGuia}* and {@code detalhesGuia}*,
 * an item has {@code procedimento} and {@code relacaoGlosa}* ({@code valorGlosa}, {@code tipoGlosa}). Each level ends
 * with its totals (informado, processado, liberado, glosa). 3.05, 4.01 and 4.03 share this structure; 4.03 adds
 * {@code centroConsumo} per item (read as {@code consumption_centre} with its name), {@code observacao} per guide and
 * per demonstrativo (free text, read as {@code guide_observation} and {@code statement_observation}, which the run
 * treats as personal), amounts of up to eight integer digits (read exactly, in cents), an alphanumeric CNPJ and
 * protocol status 10; 3.05 adds
 * {@code nomeBeneficiario} (not read: personal data the analysis does not need) and {@code nomeContratado} (read as
 * {@code provider_name}). Elements are matched by local name, so files with or without the {@code ans:} prefix read
 * the same; the encoding comes from the XML declaration (ISO-8859-1 and UTF-8 both occur).
 *
 * <h2>Rows</h2>
 * <ul>
 *   <li>An item becomes one row per glosa code ({@code relacaoGlosa}), each with its own {@code valorGlosa}; an item
 *       without glosa becomes one row with no reason code (kept unless
 *       {@link dev.glosa.io.tiss.TissOptions#itemsWithoutGlosa()} is off, so that billed amounts are complete). The
 *       first row of the item carries its billed, processed and paid amounts ({@code row_part = amounts}); the others
 *       carry only their glosa ({@code row_part = glosa_only}, billed, processed and paid 0). Sums of every amount
 *       over the rows therefore equal the item's, and the glosa of an item is the sum of its codes.</li>
 *   <li>A guide without items becomes one row at {@code glosa_level = guide} carrying the guide's amounts and its
 *       glosa ({@code valorGlosaGuia}, or informado minus liberado when absent) under its first
 *       {@code motivoGlosaGuia} code; further codes get glosa-only rows of zero, since TISS gives no amount per
 *       guide-level code. A protocol without guides is treated the same at {@code glosa_level = protocol}.</li>
 *   <li>A guide with items that also has guide-level codes gets a glosa-only guide row with what the declared guide
 *       glosa adds to its items' glosas (never negative). Its {@code paid_amount} is the part of that glosa not yet
 *       deducted from the items' released amounts (between minus the glosa and 0), so that paid sums match the
 *       declared released total when the operator's totals are consistent. A protocol-level code on top of guides
 *       works the same way.</li>
 *   <li>Guide and protocol glosas are thus rows of their own, marked by {@code glosa_level}; none is lost. A glosa
 *       given with no code at all (a guide or protocol without children) keeps its amount with reason group
 *       {@value dev.glosa.io.tiss.TissColumns#GROUP_UNCODED} and is reported.</li>
 *   <li>{@code hospital} is the CNES, or the provider's code at the operator when the CNES is absent.
 *       {@code competence} is the month of the protocol date (or of the statement date, by option).
 *       {@code claim_id} is the provider's guide number when it is 1 to 18 digits (a TISS guide number is text of up
 *       to 20 characters), missing otherwise; {@code guide_number} is the reliable key.</li>
 *   <li>{@code reason_group} and {@code reason_description} come from {@link dev.glosa.io.tiss.Tabela38}, never from the
 *       code's digits; {@code glosa_type} from {@link dev.glosa.io.tiss.GlosaTypeMapping}.</li>
 * </ul>
 *
 * <h2>Totals</h2>
 * At the end of every guide, protocol and demonstrativo, each declared total is compared with the sum of the rows
 * under it (items that were not kept as rows still count). An item whose codes add up neither to processado minus
 * liberado nor to informado minus liberado is reported too. Differences go to the report as
 * {@link dev.glosa.io.tiss.TissReadReport.Mismatch}es; they never stop a read. A demonstrativo (operator and number)
 * met twice is warned about, not dropped: its rows are in the table twice.
 *
 * <h2>Appeals</h2>
 * {@code prestadorParaOperadora/recursoGlosa/guiaRecursoGlosa} (item, whole-guide or protocol appeals) and
 * {@code operadoraParaPrestador/respostaRecursoGlosa/reciboGlosa} (the answer: {@code valorAcatado} per item, S/N per
 * guide or protocol) are joined to the glosa rows by operator, guide number, item sequence or procedure, and reason
 * code; see {@code AppealJoin} in the sources. Each row gets {@code appealed}, {@code appeal_status},
 * {@code appealed_amount} and {@code recovered_amount}.
 *
 * <h2>Safety</h2>
 * Files come from outside and are parsed as hostile: no DTD, no entity, no external resource, no XInclude (StAX has
 * none); a file that tries gets a {@link dev.glosa.io.tiss.TissFormatException}. Schema validation
 * ({@link dev.glosa.io.tiss.TissSchemaValidator}) reads the ANS XSDs from a folder the caller gives and fetches
 * nothing; the XSDs are not shipped (the ANS licence, CC BY-ND, allows shipping them only unmodified). The one table
 * shipped is Tabela 38 (the TUSS edition 202601, see {@link dev.glosa.io.tiss.Tabela38}).
 *
 * <h2>Appeal cycle and drafts</h2>
 * {@link dev.glosa.io.tiss.AppealCycle} measures what was appealed, recovered and is pending, and lists the appeals
 * still to send by deadline; {@link dev.glosa.io.tiss.AppealDraft} drafts a 4.03 recursoGlosa for chosen rows.
 */
package dev.glosa.io.tiss;
