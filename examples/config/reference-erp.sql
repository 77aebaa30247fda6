-- Reference query of a private-hospital ERP's glosa table, read by `glosa sql` with the column mapping beside it,
-- examples/config/reference-erp.yaml, unchanged: one row per month of receipt x hospital x regional x expense type x
-- sector (two levels) x procedure group x attendance type x payer x glosa type, the amounts summed.
--
-- The names after AS are the mapping's source names (their case does not matter: PostgreSQL returns them in lower
-- case, Oracle in upper case). Adapt the table and its column names (glosa_item, data_recebimento, ...) to your ERP.
-- It must stay one SELECT (or WITH) statement: glosa refuses anything else before sending it, and reads in a
-- read-only transaction. date_trunc is PostgreSQL's: on Oracle use TRUNC(g.data_recebimento, 'MM'), on SQL Server
-- DATEFROMPARTS(YEAR(g.data_recebimento), MONTH(g.data_recebimento), 1).
--
-- The 13 months before the current one: the month analysed and the earlier months that feed the previous-month
-- features (glosa and billed the month before), with room for a re-run of an older week.
SELECT date_trunc('month', g.data_recebimento)::date AS mes_recebimento,
       g.hospital                                    AS hospital,
       g.regional                                    AS regional,
       g.item_categoria                              AS i_item_categoria,
       g.setor_n1                                    AS setor_n1,
       g.setor_n2                                    AS setor_n2,
       g.tipo_grupo                                  AS tipo_grupo,
       g.tipo_atendimento                            AS tipo_atendimento,
       g.convenio                                    AS convenio,
       g.tipo_glosa                                  AS tipo_glosa,
       SUM(g.valor_cobrado)                          AS valor_cobrado_geral,
       SUM(g.valor_glosa)                            AS valor_glosa,
       COUNT(*)                                      AS qtd_linhas_glosa
  FROM glosa_item g
 WHERE g.data_recebimento >= date_trunc('month', CURRENT_DATE) - INTERVAL '13 months'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
