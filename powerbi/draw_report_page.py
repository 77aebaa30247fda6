#!/usr/bin/env python3
"""Draws powerbi/report-page.svg, the intended report page, from a real glosa output folder (standard library only).

    bin/glosa demo --out /tmp/demo --lang pt-BR --as-of 2026-11-23
    bin/glosa demo --out /tmp/demo --lang pt-BR --as-of 2026-11-30
    python3 powerbi/draw_report_page.py /tmp/demo powerbi/report-page.svg

It reads the latest week of dim_group, dim_hospital, dim_glosa_type and indicators and lays them out as the page
powerbi/README.md builds: four cards, the ten costliest groups as bars, and the group table with week-over-week status.
"""
import csv
import sys
from html import escape


def read(folder, name):
    with open(f"{folder}/{name}", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def brl(v):
    s = f"{v:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return "R$ " + s


def main(folder, out):
    runs = read(folder, "dim_run.csv")
    latest = [r for r in runs if r["latest"] == "true"][0]["as_of"]
    hospitals = {r["hospital"]: r["name"] for r in read(folder, "dim_hospital.csv")}
    types = {r["glosa_type"]: r["name"] for r in read(folder, "dim_glosa_type.csv")}
    groups = [g for g in read(folder, "dim_group.csv") if g["as_of"] == latest]
    groups.sort(key=lambda g: int(g["rank_overall"]))
    top = groups[:10]
    ind = [r for r in read(folder, "indicators.csv") if r["as_of"] == latest and r["scope"] == "overall"][0]
    glosa = float(ind["glosa_amount"])
    rate, lo, hi = (100 * float(ind[k]) for k in ("glosa_rate", "glosa_rate_ci_low", "glosa_rate_ci_high"))
    recovered = float(ind["recovered_amount"] or 0)

    w, h = 1280, 720
    p = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="Segoe UI, Arial, sans-serif">',
         f'<rect width="{w}" height="{h}" fill="#f3f2f1"/>',
         f'<text x="24" y="40" font-size="24" font-weight="600">Glosas — semana de {latest}</text>',
         f'<text x="24" y="62" font-size="13" fill="#605e5c">Dados: glosa demo (gerados), {len(groups)} grupos;'
         ' slicer de semana em dim_run[as_of], padrão a mais recente</text>']
    cards = [("Glosa", brl(glosa)), ("Taxa de glosa (IC 95%)", f"{rate:.2f}% [{lo:.2f}%, {hi:.2f}%]".replace(".", ",")),
             ("Recuperado", brl(recovered)), ("Grupos novos", str(sum(g["status"] == "new" for g in groups)))]
    for i, (title, value) in enumerate(cards):
        x = 24 + i * 310
        p.append(f'<rect x="{x}" y="80" width="295" height="80" fill="white" stroke="#e1dfdd"/>')
        p.append(f'<text x="{x + 14}" y="106" font-size="13" fill="#605e5c">{escape(title)}</text>')
        p.append(f'<text x="{x + 14}" y="142" font-size="24" font-weight="600">{escape(value)}</text>')
    # bars: the ten costliest groups
    p.append('<rect x="24" y="176" width="600" height="520" fill="white" stroke="#e1dfdd"/>')
    p.append('<text x="38" y="202" font-size="15" font-weight="600">Os 10 grupos de maior valor</text>')
    most = max(float(g["glosa_amount"]) for g in top)
    for i, g in enumerate(top):
        y = 222 + i * 46
        amount = float(g["glosa_amount"])
        name = f'{hospitals.get(g["hospital"], g["hospital"])} · {types.get(g["glosa_type"], g["glosa_type"])}'
        p.append(f'<text x="38" y="{y + 12}" font-size="12">{escape(name)}</text>')
        p.append(f'<rect x="38" y="{y + 18}" width="{amount / most * 440:.1f}" height="18" fill="#118dff"/>')
        p.append(f'<text x="{44 + amount / most * 440:.1f}" y="{y + 32}" font-size="12">{escape(brl(amount))}</text>')
    # table: groups with status
    p.append('<rect x="640" y="176" width="616" height="520" fill="white" stroke="#e1dfdd"/>')
    p.append('<text x="654" y="202" font-size="15" font-weight="600">Grupos e variação semanal</text>')
    cols = [("#", 654), ("hospital", 680), ("tipo", 860), ("valor", 1010), ("parte", 1120), ("status", 1180)]
    for name, x in cols:
        p.append(f'<text x="{x}" y="228" font-size="12" font-weight="600" fill="#605e5c">{name}</text>')
    for i, g in enumerate(top):
        y = 252 + i * 26
        cells = [g["rank_overall"], hospitals.get(g["hospital"], g["hospital"])[:26],
                 types.get(g["glosa_type"], g["glosa_type"])[:22], brl(float(g["glosa_amount"])),
                 f'{100 * float(g["glosa_share"]):.0f}%', "novo" if g["status"] == "new" else "mantido"]
        for (name, x), c in zip(cols, cells):
            p.append(f'<text x="{x}" y="{y}" font-size="12">{escape(c)}</text>')
    p.append('</svg>')
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(p) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
