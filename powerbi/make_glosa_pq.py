#!/usr/bin/env python3
"""Builds powerbi/glosa.pq, the whole folder in one Power Query file, from GlosaCsv.pq and the per-table scripts.

Run it after changing a table's script: python3 powerbi/make_glosa_pq.py. A test in glosa-io checks that glosa.pq
is what this script makes, so the single file and the per-table scripts cannot drift apart.
"""
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
TABLES = ["fact_glosa", "dim_segment", "dim_group", "indicators", "runs", "dim_hospital", "dim_payer",
          "dim_glosa_type", "dim_date", "dim_run", "fact_appeal", "appeal_pending", "fact_appeal_group"]

HEAD = """// glosa.pq: every table of a glosa output folder in one query, typed as the per-table scripts type them.
// Made by make_glosa_pq.py from GlosaCsv.pq and the per-table scripts; do not edit by hand.
//
// In Power BI Desktop:
//   1. Home > Transform data > Manage Parameters > New parameter: FolderPath, type Text, the output folder
//      (e.g. C:\\glosa\\saida).
//   2. Home > New Source > Blank Query > Advanced Editor: paste this file; name the query Glosa.
//   3. Glosa shows one row per table of the folder (tables the folder lacks, such as fact_appeal outside TISS
//      runs, are left out). For each table: right-click its Data cell > Add as New Query, and name the new query
//      as the table (fact_glosa, dim_group, ...).
// Numbers are read with culture en-US, so a pt-BR machine reads 1234.56 right; empty cells are null; text the
// writer guarded against spreadsheet formulas gets its original text back; columns the lists below do not name
// are typed from manifest.json.
let
    GlosaFolder = FolderPath,
    GlosaCsv = """

TAIL = """    InFolder = Table.Column(Folder.Contents(Root), "Name"),
    Present = List.Select(Known, each List.Contains(InFolder, _{0} & ".csv")),
    // A table keyed by run, segment and group without group_key (fact_appeal_group) gets it, to relate to dim_group.
    Keyed = (t as table) as table =>
        if Table.HasColumns(t, {"run_id", "segment_id", "group_id"}) and not Table.HasColumns(t, "group_key")
        then Table.AddColumn(t, "group_key", each [run_id] & ":" & [segment_id] & ":" & [group_id], type text)
        else t,
    Rows = List.Transform(Present, each {_{0}, Keyed(GlosaCsv(_{0} & ".csv", _{1})), "Table", _{0}, true}),
    Source = #table(type table [Name = text, Data = table, ItemKind = text, ItemName = text, IsLeaf = logical], Rows),
    Navigation = Value.ReplaceType(Source, Value.Type(Source) meta [
        NavigationTable.NameColumn = "Name",
        NavigationTable.DataColumn = "Data",
        NavigationTable.ItemKindColumn = "ItemKind",
        Preview.DelayColumn = "ItemName",
        NavigationTable.IsLeafColumn = "IsLeaf"])
in
    Navigation
"""


def function_body():
    text = (HERE / "GlosaCsv.pq").read_text(encoding="utf-8")
    body = [l for l in text.splitlines() if not l.startswith("//")]
    return "\n".join("        " + l if l else l for l in body).lstrip()


def columns(table):
    text = (HERE / (table + ".pq")).read_text(encoding="utf-8")
    return re.findall(r'\{"([A-Za-z_0-9]+)", "([a-z]+)"\}', text)


def main():
    out = [HEAD + function_body() + ","]
    out.append(r'    Root = if Text.EndsWith(FolderPath, "\") or Text.EndsWith(FolderPath, "/") then FolderPath'
               r' else FolderPath & "\",')
    out.append("    Known = {")
    for i, t in enumerate(TABLES):
        pairs = ", ".join('{"%s", "%s"}' % p for p in columns(t))
        out.append('        {"%s", {%s}}%s' % (t, pairs, "," if i < len(TABLES) - 1 else ""))
    out.append("    },")
    (HERE / "glosa.pq").write_text("\n".join(out) + "\n" + TAIL, encoding="utf-8")


if __name__ == "__main__":
    main()
