"""Swiss federal news-service messages (XML, namespace `NSB_NAMESPACE`).

One communiqué per `<content lang="..">` of each `<message>`:

    source             path#<lang> (path#<message id>-<lang> if a file holds several messages)
    title              content title
    text               the lead as the first paragraph, then the text
                       (HTML-escaped markup unescaped, tags stripped, paragraphs kept)
    dateline           the message's city, from its German content (else the first that has
                       one): one dateline in every language version, a field of its own
                       (not a place the text mentions, not searchable body text)
    date               message pubdate, day precision
    declared_language  the lang attribute
    issuer             the lead originator's English name (else German, else any): one issuer
                       in every language version
    issuer_country     CH: the service publishes the Swiss federal administration's messages
    translation_group  nsb-<message id>;  source_id  <message id>-<lang>
    url                the content's first related link (`<link><uri>`), if any
    attachments        the URIs of the content's attachments
    topics             the message's topics (`<topics><topic>`), by their English names
                       (German where there is none), the same in every language version

Untranslated slots often hold a copy of another
language's text: they are kept (language detection flags them) with the
warning "text identical to the de version". Empty slots (no title and no
text) are skipped, and the other versions of the message say so in a warning.
"""
from __future__ import annotations

from typing import Iterator

ISSUER_COUNTRY = "CH"

from indexer.limits import DEFAULT_LIMITS, Limits
from indexer.model import Communique, ReadError
from indexer.readers.attachments import attached_documents, beside
from indexer.readers.dates import source_date
from indexer.readers.decoding import decode
from indexer.readers.htmltext import html_to_text
from indexer.readers.records import RecordError, make_communique
from indexer.readers.safexml import declared_encoding, parse_xml

NSB_NAMESPACE = "https://www.news.admin.ch/messages"
NS = "{" + NSB_NAMESPACE + "}"


def read(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Iterator[Communique]:
    """Yield one communiqué per language version of each message in the file, and the documents
    its attachments hold when those files lie beside it."""
    root = parse_xml(path, decode(data, path, declared_encoding(data)))
    messages = root.findall(NS + "message") if root.tag == NS + "messages" else [root]
    if not messages or messages[0].tag != NS + "message":
        raise ReadError(path, "no news-service <message> in the file")
    yielded = 0
    bad: list[tuple[str, str]] = []
    for message in messages:
        docs = read_message(path, message, keyed_by_id=len(messages) > 1)
        for doc in docs:
            yielded += 1
            yield doc
        read_files: set[str] = set()
        for doc in docs:  # a file several versions list is read once, for the first of them
            files = []
            for number, uri in enumerate(doc.attachments, 1):
                found = beside(path, uri, limits)
                if found and found[0] not in read_files:
                    read_files.add(found[0])
                    files.append((number, *found))
            attached, failed = attached_documents(path, doc, files, limits)
            yield from attached
            bad += failed
    if not yielded:
        raise ReadError(path, "every language version is empty")
    if bad:
        raise RecordError(path, bad)


def read_message(path: str, message, keyed_by_id: bool = False) -> list[Communique]:
    """The communiqués of one `<message>` element, in document order."""
    message_id = message.get("id") or ""
    date, precision, date_warnings = source_date(message.findtext(NS + "pubdate"), "in <pubdate>")
    topics = _topics(message)
    dateline = _dateline(message)
    issuer = _issuer(message)
    docs: list[Communique] = []
    bodies: dict[str, str] = {}  # lang -> body without dateline, to spot copies
    skipped = []
    for content in message.findall(NS + "content"):
        lang = (content.get("lang") or "").lower()
        title = _field(content, "title")
        lead = html_to_text(_field(content, "lead"))
        body = html_to_text(_field(content, "text"))
        if not title and not body:
            skipped.append(lang)
            continue
        full_body = "\n\n".join(part for part in (lead, body) if part)
        warnings = date_warnings + [f"text identical to the {other} version"
                                    for other, seen in bodies.items() if seen == full_body][:1]
        bodies.setdefault(lang, full_body)
        key = f"{message_id}-{lang}" if keyed_by_id else lang
        docs.append(make_communique(
            f"{path}#{key}", full_body, title, dateline=dateline, date=date, date_precision=precision, declared_language=lang or None,
            issuer=issuer, issuer_country=ISSUER_COUNTRY, translation_group=f"nsb-{message_id}",
            source_id=f"{message_id}-{lang}", url=_first_uri(content, "link"),
            attachments=[uri for uri in _uris(content, "attachment")], warnings=warnings, topics=list(topics),
        ))
    for doc in docs:
        doc.warnings.extend(f"empty {lang} version skipped" for lang in skipped)
        if message.get("revoked") == "yes":
            doc.warnings.append("message revoked by its issuer")
    return docs


def _dateline(message) -> str | None:
    """The city of the German content, else of the first content that names one."""
    cities = {(c.get("lang") or "").lower(): _field(c, "city") for c in message.findall(NS + "content")}
    return cities.get("de") or next((city for city in cities.values() if city), None)


def _field(content, name: str) -> str:
    return (content.findtext(NS + name) or "").strip()


def _issuer(message) -> str | None:
    originators = message.findall(NS + "originator")
    lead = next((o for o in originators if o.get("lead") == "yes"), originators[0] if originators else None)
    source = lead if lead is not None else message.find(NS + "department")
    if source is None:
        return None
    names = _names(source)
    return names.get("en") or names.get("de") or next((n for n in names.values() if n), None)


def _names(node) -> dict[str, str]:
    return {(n.get("lang") or ""): " ".join((n.text or "").split()) for n in node.findall(NS + "name")}


def _topics(message) -> list[str]:
    out = []
    for topic in message.findall(f"{NS}topics/{NS}topic"):
        names = _names(topic)
        name = names.get("en") or names.get("de") or next((n for n in names.values() if n), "")
        if name and name not in out:
            out.append(name)
    return out


def _uris(content, element: str) -> list[str]:
    return [uri.strip() for node in content.findall(NS + element)
            if (uri := node.findtext(NS + "uri") or "").strip()]


def _first_uri(content, element: str) -> str | None:
    return next(iter(_uris(content, element)), None)
