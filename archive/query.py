"""The archive's query language, parsed once into a small tree both engines compile.

Syntax (documented for users in README and on the search page):

    word            all words must match (AND is implied between terms)
    "a phrase"      the words in this order
    a OR b          either; OR binds looser than AND
    a AND b         both (the same as `a b`)
    NOT a, -a       without a
    (a OR b) c      grouping
    field:value     title:, text: or a facet (archive.facets: country, language, year,
                    person, org, ...); e.g. country:TR, title:"Swiss francs"
    pref*           words starting with `pref`

Operators are only recognised in capitals; a lower-case `and` is a word.
Parsing never raises anything but `QuerySyntaxError`, whose message is meant
for the person who typed the query.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .facets import QUERY_NAMES


class QuerySyntaxError(ValueError):
    """A query that cannot be understood; `str(error)` is shown to the user."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.message = message
        self.position = position


# Field names users may type, mapped to the canonical field.
TEXT_FIELDS = {"title": "title", "text": "text", "body": "text"}
KEYWORD_FIELDS = QUERY_NAMES  # facet names (and aliases such as lang:) -> facet
MAX_QUERY_LENGTH = 2000
MAX_CLAUSES = 64


@dataclass(frozen=True)
class Term:
    text: str
    field: str | None = None  # None: all text fields
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class KeywordMatch:
    """field:value on a facet field (exact value, normalised by field)."""

    field: str
    value: str


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass(frozen=True)
class Not:
    child: object


@dataclass(frozen=True)
class MatchAll:
    pass


Node = Term | Phrase | KeywordMatch | And | Or | Not | MatchAll

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<quote>")
  | (?P<minus>-(?=\S))
  | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)


@dataclass
class _Tok:
    kind: str  # word, phrase, lparen, rparen, and, or, not, field
    value: str
    pos: int


def _looks_like_field(word: str) -> bool:
    """`name:value` with a letters-only name; `10:30` and `https://…` are plain words."""
    name, _, rest = word.partition(":")
    return name.replace("_", "").isalpha() and not rest.startswith("/")


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    i = 0
    while i < len(text):
        m = _TOKEN.match(text, i)
        kind = m.lastgroup
        if kind == "ws":
            i = m.end()
            continue
        if kind == "quote":
            end = text.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError(
                    f'The quotation mark at position {i + 1} is never closed: add a closing ".', i
                )
            tokens.append(_Tok("phrase", text[i + 1 : end], i))
            i = end + 1
            continue
        value = m.group(kind)
        if kind == "word":
            if value in ("AND", "OR", "NOT"):
                kind = value.lower()
            elif value in ("&&",):
                kind = "and"
            elif value in ("||",):
                kind = "or"
            elif ":" in value[1:] and _looks_like_field(value):
                field, _, rest = value.partition(":")
                tokens.append(_Tok("field", field, i))
                if rest:
                    tokens.append(_Tok("word", rest, i + len(field) + 1))
                i = m.end()
                continue
        tokens.append(_Tok(kind, value, i))
        i = m.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[_Tok]):
        self.tokens = tokens
        self.i = 0
        self.clauses = 0

    def peek(self) -> _Tok | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Tok:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.or_expr()
        tok = self.peek()
        if tok is not None:
            if tok.kind == "rparen":
                raise QuerySyntaxError(
                    f"The closing parenthesis at position {tok.pos + 1} has no opening one.", tok.pos
                )
            raise QuerySyntaxError(f"Unexpected {tok.value!r} at position {tok.pos + 1}.", tok.pos)
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.take()
            if self.peek() is None or self.peek().kind in ("or", "and", "rparen"):
                raise QuerySyntaxError(f"OR at position {tok.pos + 1} needs a term after it.", tok.pos)
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        parts = [self.unary()]
        while (tok := self.peek()) is not None and tok.kind not in ("or", "rparen"):
            if tok.kind == "and":
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind in ("or", "and", "rparen"):
                    raise QuerySyntaxError(
                        f"AND at position {tok.pos + 1} needs a term after it.", tok.pos
                    )
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise QuerySyntaxError("The query ends where a term was expected.")
        if tok.kind in ("not", "minus"):
            self.take()
            if self.peek() is None or self.peek().kind in ("or", "and", "rparen"):
                raise QuerySyntaxError(
                    f"NOT at position {tok.pos + 1} needs a term after it.", tok.pos
                )
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        tok = self.take()
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            raise QuerySyntaxError(f"The query has more than {MAX_CLAUSES} terms; shorten it.")
        if tok.kind == "lparen":
            if self.peek() is not None and self.peek().kind == "rparen":
                raise QuerySyntaxError(f"The parentheses at position {tok.pos + 1} are empty.", tok.pos)
            node = self.or_expr()
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise QuerySyntaxError(
                    f"The parenthesis opened at position {tok.pos + 1} is never closed.", tok.pos
                )
            self.take()
            return node
        if tok.kind == "phrase":
            return _phrase(tok.value, None, tok.pos)
        if tok.kind == "word":
            return _word(tok.value, None, tok.pos)
        if tok.kind == "field":
            return self.field_value(tok)
        if tok.kind in ("and", "or"):
            raise QuerySyntaxError(
                f"{tok.value} at position {tok.pos + 1} needs a term before it.", tok.pos
            )
        if tok.kind == "rparen":
            raise QuerySyntaxError(
                f"The closing parenthesis at position {tok.pos + 1} has no opening one.", tok.pos
            )
        raise QuerySyntaxError(f"Unexpected {tok.value!r} at position {tok.pos + 1}.", tok.pos)

    def field_value(self, tok: _Tok) -> Node:
        name = tok.value.lower()
        if name not in TEXT_FIELDS and name not in KEYWORD_FIELDS:
            known = ", ".join(sorted(set(TEXT_FIELDS) | set(KEYWORD_FIELDS)))
            raise QuerySyntaxError(
                f"Unknown field {tok.value!r} at position {tok.pos + 1}; known fields: {known}.", tok.pos
            )
        value = self.peek()
        if value is None or value.kind not in ("word", "phrase"):
            raise QuerySyntaxError(
                f"The field {tok.value}: at position {tok.pos + 1} needs a value, "
                f'e.g. {tok.value}:word or {tok.value}:"two words".',
                tok.pos,
            )
        self.take()
        if name in KEYWORD_FIELDS:
            text = value.value.strip()
            if not text:
                raise QuerySyntaxError(f"The field {tok.value}: has an empty value.", tok.pos)
            return KeywordMatch(KEYWORD_FIELDS[name], text)
        field = TEXT_FIELDS[name]
        if value.kind == "phrase":
            return _phrase(value.value, field, value.pos)
        return _word(value.value, field, value.pos)


def _word(text: str, field: str | None, pos: int) -> Node:
    prefix = text.endswith("*")
    core = text.rstrip("*")
    if "*" in core or "?" in core:
        raise QuerySyntaxError(
            f"Wildcards are only allowed at the end of a word (position {pos + 1}): write pref*.", pos
        )
    if prefix and len(core) < 2:
        raise QuerySyntaxError(
            f"A prefix search needs at least two letters before * (position {pos + 1}).", pos
        )
    if not any(ch.isalnum() for ch in core):
        # Punctuation alone (a stray ':' or '/') matches nothing useful; ignore it.
        return MatchAll()
    return Term(core, field, prefix)


def _phrase(text: str, field: str | None, pos: int) -> Node:
    if not any(ch.isalnum() for ch in text):
        raise QuerySyntaxError(f"The quotation at position {pos + 1} is empty.", pos)
    return Phrase(text, field)


def _simplify(node: Node) -> Node:
    """Drop MatchAll children of AND and collapse single-child groups."""
    if isinstance(node, And):
        kids = [_simplify(c) for c in node.children]
        kids = [c for c in kids if not isinstance(c, MatchAll)]
        if not kids:
            return MatchAll()
        return kids[0] if len(kids) == 1 else And(tuple(kids))
    if isinstance(node, Or):
        kids = [_simplify(c) for c in node.children]
        if any(isinstance(c, MatchAll) for c in kids):
            return MatchAll()
        return kids[0] if len(kids) == 1 else Or(tuple(kids))
    if isinstance(node, Not):
        child = _simplify(node.child)
        if isinstance(child, MatchAll):
            raise QuerySyntaxError("NOT must be followed by a word or phrase.")
        return Not(child)
    return node


def parse_query(text: str) -> Node:
    """Parse a user's query; an empty query matches everything."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(f"The query is longer than {MAX_QUERY_LENGTH} characters.")
    tokens = _tokenize(text or "")
    if not tokens:
        return MatchAll()
    return _simplify(_Parser(tokens).parse())


def positive_terms(node: Node) -> list[Term | Phrase]:
    """Words and phrases that a match contains, for highlighting (NOT branches skipped)."""
    if isinstance(node, (Term, Phrase)):
        return [node] if node.field in (None, "text", "title") else []
    if isinstance(node, (And, Or)):
        return [t for c in node.children for t in positive_terms(c)]
    return []


def lowercase_operators(text: str) -> list[str]:
    """Words "and", "or", "not" typed in lower case between other words (searched as words, which is
    rarely what was meant: operators are only recognised in capitals)."""
    words = [t.value for t in _tokenize(text) if t.kind == "word"] if len(text) <= MAX_QUERY_LENGTH else []
    return [w for i, w in enumerate(words) if w in ("and", "or", "not") and 0 < i < len(words) - 1]


def keyword_matches(node: Node) -> list[KeywordMatch]:
    """Every `field:value` of a tree (under NOT too)."""
    if isinstance(node, KeywordMatch):
        return [node]
    if isinstance(node, (And, Or)):
        return [k for c in node.children for k in keyword_matches(c)]
    if isinstance(node, Not):
        return keyword_matches(node.child)
    return []
