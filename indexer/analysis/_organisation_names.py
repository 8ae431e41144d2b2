"""Alias tables for organisations (data/organisations.toml): canonical name → aliases in any language.

Notation as in `_country_words`: "|" separates aliases, a leading "=" makes
an acronym case-sensitive, `stem{a,b,}` lists endings, `stem~N` allows N
more letters. Three tables, merged by `organisations.ORGANISATIONS`:
international bodies, Swiss federal institutions (the archive's main
issuer), and widely known companies, platforms, outlets and agencies.
The canonical name is the facet value: "OTAN", "НАТО" → "NATO";
"EDA", "DFAE", "FDFA" → "FDFA".
"""
from __future__ import annotations

from indexer.analysis.tables import load

_DATA = load("organisations")
INTERNATIONAL: dict[str, str] = _DATA["international"]
SWISS: dict[str, str] = _DATA["swiss"]
WELL_KNOWN: dict[str, str] = _DATA["well_known"]
# What an organisation is called in each interface language (data/labels/organisations.toml):
# canonical name → {language: label}; English, and a language without a label, show the canonical name.
LABELS: dict[str, dict[str, str]] = load("labels/organisations")

# Head words of organisation names the tables lack, for `organisations._named_bodies`.
# English-style names end in a head ("Northern Water Council") or go on after it
# through "of"/"for"/"on" ("Ministry of Ports", "Committee on the Rights of …").
HEADS_LAST = {
    "Agency", "Academy", "Association", "Authority", "Bank", "Board", "Bureau", "Center", "Centre", "Club",
    "Commission", "Committee", "Company", "Corporation", "Council", "Court", "Department", "Federation", "Forces",
    "Foundation", "Fund", "Group", "Institute", "Laboratory", "League", "Ministry", "Museum", "Network", "Office",
    "Organization", "Party", "Secretariat", "Service", "Society", "Technologies", "Trust",
    "Union", "University", "Inc.", "Ltd", "GmbH", "AG", "LLC", "plc", "Corp.", "Tbk", "Sàrl",
}
# Heads after which a name goes on only through a connector (alone they are common words).
HEADS_FIRST_ONLY = {"Ministry", "Department", "Office", "Bureau", "Secretariat", "Service"}
# German heads before "für …" ("Institut für Beispielkunde"), and heads a capitalised
# name follows directly ("Abteilung Klima", "Stiftung Beispiel", "Universität Bern").
HEADS_DE_FUR = ("Bundesamt|Landesamt|Staatssekretariat|Kommission|Amt|Direktion|Institut|Zentrum|Verband|Rat|"
                "Dienst|Fachstelle|Stiftung|Gesellschaft|Vereinigung|Konferenz|Akademie|Hochschule|Agentur|"
                "Behörde|Ministerium|Bundesministerium|Sekretariat|Büro|Beauftragte|Beauftragter|Stelle|Forum|"
                "Observatorium|Allianz|Netzwerk|Gericht|Komitee")
HEADS_DE_DIRECT = ("Abteilung|Direktionsbereich|Sektion|Fachbereich|Geschäftsbereich|Stiftung|Genossenschaft|"
                   "Universität|Fachhochschule|Kantonsspital|Universitätsspital|Kernkraftwerk")
# Romance heads before "de …"/"di …" (lower-case names: "Office fédéral de la pêche").
HEADS_ROMANCE = ("Office fédéral|Ufficio federale|Secrétariat d['’]État|Segreteria di Stato|Commission fédérale|"
                 "Commissione federale|Ministère|Ministero|Ministerio|Ministério|Université|Università|Universidad|"
                 "Universidade|Institut|Istituto|Instituto|Fondation|Fondazione|Fundación|Fundação|Association|"
                 "Associazione|Asociación|Associação|Agence|Agenzia|Agencia|Agência|Banque|Banca|Banco|"
                 "Observatoire|Osservatorio|Observatorio|Centre|Centro|Tribunal|Tribunale|"
                 "Direction générale|Direzione generale|"
                 "Dirección General|Haute école|Alta scuola|École|Scuola|Escuela|Escola|Musée|Museo|"
                 "Syndicat|Sindacato|Sindicato|Grupo|Gruppo|Groupe|Parti|Partito|Partido")
