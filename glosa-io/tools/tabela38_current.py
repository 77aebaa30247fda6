#!/usr/bin/env python3
"""Builds glosa-io's shipped Tabela 38 (tabela38_tuss_202601.csv) from the ANS sources in ../shared/data/tiss.

Usage: python3 glosa-io/tools/tabela38_current.py /work/shared/data/tiss > \
           glosa-io/src/main/resources/dev/glosa/io/tiss/tabela38_tuss_202601.csv

Codes and validity: tabela38_vigencia_202601.csv (TUSS edition 202601, every code).
Description: the FHIR CodeSystem tuss-38 (202309), else the comment list under dm_tipoGlosa in the TISS 4.03.00
schema, else the TISS 3 table; none of them describes 5086, which keeps an empty description.
Group (grupo_origem says where it came from):
  tiss3   the official group of the TISS 3 table;
  faixa   the TISS 3 range of the code's first two digits (10..30, 50), which the TISS 3 table applies to every
          code it has in that range;
  glosa   31xx-33xx (TISS 4 codes, no official group): glosa's own grouping by keywords of the description into
          the TISS 3 group names, in the order of RULES below, the first rule that matches wins; none matching:
          Atendimento;
  fora_da_edicao  a code of the TISS 3 table that the 202601 edition lacks (its description and group are the
          TISS 3 table's, it has no validity dates).
"""
import csv, json, re, sys, unicodedata

src = sys.argv[1]
fhir = {c['code']: c['display'].strip() for c in json.load(open(f'{src}/CodeSystem-tuss-38.json', encoding='utf-8'))['concept']}
tiss3 = {r['codigo']: (r['grupo'], r['descricao']) for r in
         csv.DictReader(open(f'{src}/tabela38_grupos_tiss3.csv', encoding='utf-8'), delimiter=';')}
vig = [(r['codigo'], r['vigencia_inicio'], r['vigencia_fim']) for r in
       csv.DictReader(open(f'{src}/tabela38_vigencia_202601.csv', encoding='utf-8'), delimiter=';')]
xsd = open(f'{src}/v4_03_00/tissSimpleTypesV4_03_00.xsd', encoding='iso-8859-1').read()
block = xsd[xsd.index('name="dm_tipoGlosa"'):]
block = block[:block.index('</simpleType>')]
comments = {m.group(1): m.group(2).strip() for m in re.finditer(r'^(\d{4})\s+(.+)$', block, re.M)}

ranges = {}
for code, (group, _) in tiss3.items():
    ranges.setdefault(code[:2], set()).add(group)
ranges = {p: g.pop() for p, g in ranges.items() if len(g) == 1}

RULES = [
    ('Odontologia', r'ODONT|DENTE|RADIOGRAF|ENDOD|EXODONT|ORTOD|CONDUTO|RESTAURA|PERIAPICAL|PERIODONT|PROTESE|\bCD\b|FACE'),
    ('Mensagens de Sistema', r'TOKEN|TIME OUT|ARQUIVO|TRANSACAO|ASSINATURA DIGITAL|LOTE|WEB ?SERVICE|SISTEMA|MENSAGEM|IMAGEM'),
    ('Elegibilidade', r'BENEFICIARIO|CARTEIRA|CARENCIA|PLANO'),
    ('Autorização / Solicitação', r'AUTORIZ|SENHA|SOLICIT|PRORROGA|JUNTA'),
    ('Pacotes', r'PACOTE'),
    ('Regra de Valorização', r'VALOR|COPARTICIPACAO|FRANQUIA|REMUNERACAO|PRECO|TABELA|DESCONTO|REEMBOLSO|DESEMBOLSO'),
    ('Medicamento', r'MEDICAMENTO'),
    ('Material', r'MATERIA'),
    ('OPM', r'OPME?\b|ORTESE|PROTESE'),
    ('Diária', r'DIARIA|PERMANENCIA|INTERNACAO'),
    ('Honorários', r'HONORARIO|PROFISSIONAL|CRM|CONSELHO'),
    ('Exames', r'EXAME|LAUDO'),
    ('Prestador', r'PRESTADOR|CREDENCIADO|CNES|CNPJ'),
    ('Guia', r'GUIA|DUPLICIDADE|FORMULARIO|DATA'),
    ('Procedimento', r'PROCEDIMENTO|ITEM ASSISTENCIAL|COBRANCA|QUANTIDADE|DUT|ROL'),
]


def plain(s):
    return unicodedata.normalize('NFD', s.upper()).encode('ascii', 'ignore').decode()


out = csv.writer(sys.stdout, delimiter=';', lineterminator='\n')
out.writerow(['codigo', 'descricao', 'grupo', 'grupo_origem', 'vigencia_inicio', 'vigencia_fim'])
for code, start, end in vig:
    desc = fhir.get(code) or comments.get(code) or (tiss3[code][1] if code in tiss3 else '')
    if code in tiss3:
        group, origin = tiss3[code][0], 'tiss3'
    elif code[:2] in ranges and code[:2] not in ('31', '32', '33'):
        group, origin = ranges[code[:2]], 'faixa'
    else:
        group = next((g for g, rx in RULES if re.search(rx, plain(desc))), 'Atendimento')
        origin = 'glosa'
    out.writerow([code, desc, group, origin, start, end])
# Codes of the TISS 3 table the edition no longer has: kept so older files still read with their names and
# groups, marked so a read can count their use.
listed = {c for c, _, _ in vig}
for code in sorted(set(tiss3) - listed):
    out.writerow([code, tiss3[code][1], tiss3[code][0], 'fora_da_edicao', '', ''])
