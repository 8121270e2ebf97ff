"""A light node tree built from mwparserfromhell's tokenizer, with the line each node starts on.

mwparserfromhell's C tokenizer does the parsing (templates, links, tags, tables, comments,
entities, headings: the real grammar). Its own tree builder is pure Python and builds a full
editable tree (Wikicode, SmartList, Parameter ...): for a 60-ward London borough that builder is
about 8x the tokenizer's time. The reader only reads, so this module builds the same shape from
the same tokens as plain slotted objects, and records line numbers for messages on the way.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from mwparserfromhell.parser import Parser as _Parser
from mwparserfromhell.parser import ParserError, tokens
from mwparserfromhell.parser.tokenizer import Tokenizer
from mwparserfromhell.parser.tokens import Token


@dataclass(slots=True)
class Text:
    value: str


@dataclass(slots=True)
class Comment:
    value: str


@dataclass(slots=True)
class Entity:
    value: str
    """The character the entity stands for (`&nbsp;` -> a no-break space)."""


@dataclass(slots=True)
class Param:
    name: str
    """The key as written (positional parameters: `1`, `2` ...)."""
    value: list[Node]
    showkey: bool


@dataclass(slots=True)
class Template:
    name: list[Node]
    params: list[Param]
    line: int


@dataclass(slots=True)
class Link:
    title: list[Node]
    text: list[Node] | None


@dataclass(slots=True)
class ExternalLink:
    url: list[Node]
    title: list[Node] | None


@dataclass(slots=True)
class Tag:
    tag: str
    contents: list[Node] | None
    line: int
    wiki_markup: str | None = None


@dataclass(slots=True)
class Heading:
    level: int
    title: list[Node]
    line: int


@dataclass(slots=True)
class Argument:
    name: list[Node]


Node = Text | Comment | Entity | Template | Link | ExternalLink | Tag | Heading | Argument


@dataclass
class _Builder:
    stream: list[Token]
    line: int = 1
    nodes: list[Node] = field(default_factory=list)

    def pop(self) -> Token:
        if not self.stream:
            raise ParserError("the token stream ended inside a node")
        return self.stream.pop()

    def until(self, *stops: type[Token]) -> tuple[list[Node], Token]:
        """Nodes up to (not including) the first token of a `stops` type, and that token."""
        out: list[Node] = []
        while True:
            token = self.pop()
            if isinstance(token, stops):
                return out, token
            out.append(self.node(token))

    def node(self, token: Token) -> Node:
        kind = type(token)
        if kind is tokens.Text:
            text = token.text
            self.line += text.count("\n")
            return Text(text)
        handler = _HANDLERS.get(kind)
        if handler is None:
            raise ParserError(f"unexpected {kind.__name__}")
        built: Node = handler(self, token)
        return built

    def template(self, _: Token) -> Node:
        line = self.line
        name, stop = self.until(tokens.TemplateParamSeparator, tokens.TemplateClose)
        params: list[Param] = []
        position = 1
        while isinstance(stop, tokens.TemplateParamSeparator):
            key: list[Node] | None = None
            value, stop = self.until(
                tokens.TemplateParamEquals, tokens.TemplateParamSeparator, tokens.TemplateClose
            )
            if isinstance(stop, tokens.TemplateParamEquals):
                key = value
                value, stop = self.until(tokens.TemplateParamSeparator, tokens.TemplateClose)
            if key is None:
                params.append(Param(str(position), value, False))
                position += 1
            else:
                params.append(Param(raw(key), value, True))
        return Template(name, params, line)

    def argument(self, _: Token) -> Node:
        name, stop = self.until(tokens.ArgumentSeparator, tokens.ArgumentClose)
        if isinstance(stop, tokens.ArgumentSeparator):
            self.until(tokens.ArgumentClose)
        return Argument(name)

    def wikilink(self, _: Token) -> Node:
        title, stop = self.until(tokens.WikilinkSeparator, tokens.WikilinkClose)
        if isinstance(stop, tokens.WikilinkSeparator):
            text, _close = self.until(tokens.WikilinkClose)
            return Link(title, text)
        return Link(title, None)

    def external(self, _: Token) -> Node:
        url, stop = self.until(tokens.ExternalLinkSeparator, tokens.ExternalLinkClose)
        if isinstance(stop, tokens.ExternalLinkSeparator):
            title, _close = self.until(tokens.ExternalLinkClose)
            return ExternalLink(url, title)
        return ExternalLink(url, None)

    def entity(self, _: Token) -> Node:
        token = self.pop()
        if isinstance(token, tokens.HTMLEntityNumeric):
            token = self.pop()
            if isinstance(token, tokens.HTMLEntityHex):
                text = f"&#x{self.pop().text};"
            else:
                text = f"&#{token.text};"
        else:
            text = f"&{token.text};"
        self.pop()  # HTMLEntityEnd
        return Entity(html.unescape(text))

    def heading(self, token: Token) -> Node:
        line = self.line
        title, _end = self.until(tokens.HeadingEnd)
        return Heading(int(token.level), title, line)

    def comment(self, _: Token) -> Node:
        body, _end = self.until(tokens.CommentEnd)
        return Comment(raw(body))

    def tag(self, token: Token) -> Node:
        line = self.line
        markup = token.wiki_markup
        self._count(markup)
        name: list[Node] = []
        contents: list[Node] | None = None
        current: list[Node] = name
        while True:
            item = self.pop()
            if isinstance(item, tokens.TagAttrStart):
                for pad in (item.pad_first, item.pad_before_eq, item.pad_after_eq):
                    self._count(pad)
                self._attribute()
            elif isinstance(item, tokens.TagCloseOpen):
                self._count(item.padding)
                self._count(item.wiki_markup)
                contents = []
                current = contents
            elif isinstance(item, tokens.TagOpenClose):
                self._count(item.wiki_markup)
                current = []  # the closing tag's name
            elif isinstance(item, tokens.TagCloseSelfclose):
                self._count(item.padding)
                return Tag(raw(name).strip().lower(), None, line, markup)
            elif isinstance(item, tokens.TagCloseClose):
                return Tag(raw(name).strip().lower(), contents, line, markup)
            else:
                current.append(self.node(item))

    def _attribute(self) -> None:
        """Attributes (`class=wikitable`, `style=...`) carry nothing the reader uses."""
        while True:
            item = self.stream[-1] if self.stream else None
            if item is None:
                raise ParserError("the token stream ended inside a tag")
            if isinstance(
                item, (tokens.TagAttrStart, tokens.TagCloseOpen, tokens.TagCloseSelfclose)
            ):
                return
            self.stream.pop()
            if isinstance(item, (tokens.TagAttrEquals, tokens.TagAttrQuote)):
                continue
            self.node(item)

    def _count(self, text: object) -> None:
        if isinstance(text, str):
            self.line += text.count("\n")


_ATTRIBUTE_END = (tokens.TagAttrStart, tokens.TagCloseOpen, tokens.TagCloseSelfclose)
_HANDLERS: dict[type[Token], Callable[[_Builder, Token], Node]] = {
    tokens.TemplateOpen: _Builder.template,
    tokens.ArgumentOpen: _Builder.argument,
    tokens.WikilinkOpen: _Builder.wikilink,
    tokens.ExternalLinkOpen: _Builder.external,
    tokens.HTMLEntityStart: _Builder.entity,
    tokens.HeadingStart: _Builder.heading,
    tokens.CommentStart: _Builder.comment,
    tokens.TagOpenOpen: _Builder.tag,
}


def tags(nodes: list[Node], kind: str, *, nested: bool = True) -> Iterator[Tag]:
    """Every `kind` tag (`tr`, `th`, `td`) under the nodes, in document order; with `nested`
    False, not those of a table inside them (a contest table's own header only)."""
    for node in nodes:
        if isinstance(node, Tag) and node.contents is not None:
            if node.tag == kind:
                yield node
            elif nested or node.tag != "table":
                yield from tags(node.contents, kind, nested=nested)


def raw(nodes: list[Node]) -> str:
    """The text of nodes that are (almost always) plain: keys, tag names, comments."""
    return "".join(n.value for n in nodes if isinstance(n, (Text, Entity)))


_TOKENIZER: Tokenizer = vars(_Parser())["_tokenizer"]
"""The C tokenizer where mwparserfromhell has it (as its own `Parser` picks), else Python's."""


def parse(text: str) -> list[Node]:
    """The document's top-level nodes; raises `ParserError` on a broken token stream."""
    stream = _TOKENIZER.tokenize(text, 0, False)
    stream.reverse()
    builder = _Builder(stream)
    out: list[Node] = []
    while builder.stream:
        out.append(builder.node(builder.stream.pop()))
    return out
