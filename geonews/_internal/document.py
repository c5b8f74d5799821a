"""The text layer: paragraphs, sentences and quotation regions of an article.

Every offset indexes the original string. `Document.norm` is a same-length copy of the
text with curly quotes, guillemets, dashes, non-breaking and odd spaces mapped to
plain ASCII, so patterns can run on `norm` and report offsets valid in `text`.
"""

from __future__ import annotations

import bisect
from typing import Final

import attrs
import regex

from geonews._internal.lexicons import lexicon
from geonews._internal.model import Span

# One character in, one character out: offsets in `norm` are offsets in `text`.
_NORM_TABLE: Final = str.maketrans(
    {
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\t": " ",
        "\u000b": " ",
        "\u000c": "\n",
        "\u0085": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\r": "\n",
    }
)

_PARAGRAPH_BREAK: Final = regex.compile(r"\n[ \n]*+")

# Where a sentence may end: terminal punctuation, closing marks, then space and a
# plausible sentence start.
_SENTENCE_END: Final = regex.compile(
    r"""
    (?P<end>[.!?]++[")'\]]*+)      # the terminal punctuation and closing marks
    [ ]++                          # then space
    (?=[\p{Lu}\p{N}"'(\[`])        # and something that can start a sentence
    """,
    flags=regex.VERBOSE,
)
_WORD_BEFORE: Final = regex.compile(r"(?:\p{L}++\.)*+\p{L}*+$")
# The run of letters and periods that ends at a given offset: matched right to left, so
# finding the word before a period costs its length, not that of the whole window.
_RUN_BEFORE: Final = regex.compile(r"[\p{L}.]++", flags=regex.REVERSE)
_NEXT_WORD: Final = regex.compile(r"[ ]*+[\"'(\[`]*+(\p{L}++)")

_ABBREVIATIONS: Final = frozenset(lexicon("abbreviations"))
_SENTENCE_STARTERS: Final = frozenset(lexicon("sentence_starters"))


@attrs.frozen(kw_only=True)
class Sentence:
    """A sentence (or headline) with the index of its paragraph.

    Examples:
        >>> doc = Document("Talks ended. Both sides left.")
        >>> [s.span.slice(doc.text) for s in doc.sentences]
        ['Talks ended.', 'Both sides left.']
    """

    span: Span
    paragraph: int


@attrs.frozen(kw_only=True)
class QuoteRegion:
    """A quotation between marks, possibly running over several paragraphs.

    Attributes:
        span: the quotation with its outer marks (to the paragraph's end when unclosed).
        inner: the quoted words without the outer opening and closing marks.
        style: ``double`` (" “ ” „), ``single`` (' ‘ ’), ``guillemet`` (« »), ``ap`` (`` '').
        depth: 0 for an outermost quotation, 1 for one nested inside it, and so on.
        closed: whether a closing mark was found.

    Examples:
        >>> doc = Document('He said: "We are ready."')
        >>> q = doc.quotes[0]
        >>> q.inner.slice(doc.text), q.style, q.closed
        ('We are ready.', 'double', True)
    """

    span: Span
    inner: Span
    style: str
    depth: int
    closed: bool


_OPENERS: Final = {
    "\u201c": "double",
    "\u201e": "double",
    "\u00ab": "guillemet",
    "\u2018": "single",
}
_CLOSERS: Final = {"\u201d": "double", "\u00bb": "guillemet", "\u2019": "single"}
_ELISION: Final = regex.compile(r"[0-9][0-9]s\b|[0-9][0-9]\b|em\b|n\b|til\b|cause\b")
_MARK: Final = regex.compile(r"``|''|[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]")
# Quotations nest two or three deep in real text; deeper openers are stray marks. The cap
# also keeps the scanner linear on hostile input (a megabyte of opening quotes).
_MAX_DEPTH: Final = 4


def _is_word(ch: str) -> bool:
    return ch.isalnum()


class _QuoteScanner:
    """One left-to-right pass over the marks of the text; a stack of open quotations."""

    def __init__(self, text: str, paragraphs: tuple[Span, ...]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.regions: list[QuoteRegion] = []
        # open quotations: (style, start offset, inner start)
        self.stack: list[tuple[str, int, int]] = []
        # the reopening mark of a quotation continued from the previous paragraph
        self.skip = -1

    def run(self) -> tuple[QuoteRegion, ...]:
        for index, para in enumerate(self.paragraphs):
            for m in _MARK.finditer(self.text, para.start, para.end):
                self._mark(m.group(), m.start(), m.end(), para)
            self._paragraph_end(index, para)
        self.regions.sort(key=lambda r: (r.span.start, -r.span.end))
        return tuple(self.regions)

    def _classify(self, mark: str, start: int, end: int, para: Span) -> str | None:
        """Return "open:<style>", "close:<style>" or None (apostrophe, stray)."""
        text = self.text
        before = text[start - 1] if start > para.start else " "
        after = text[end] if end < para.end else " "
        if mark == "``":
            return "open:ap"
        if mark == "''":
            if self._is_open("ap"):
                return "close:ap"
            # ''We are ready,'' he said: some archives open with two apostrophes too
            opens = (before.isspace() or before in "([{-") and after.isalpha()
            return "open:ap" if opens else None
        if mark == "\u201c" and self._low_open() and not before.isspace():
            return "close:double"  # „Wir sind bereit“: German style closes with “
        if mark in _OPENERS:
            style = _OPENERS[mark]
            if style == "single" and self._elision(end, para):
                return None  # ‘90s, ‘em
            return f"open:{style}"
        if mark in _CLOSERS:
            style = _CLOSERS[mark]
            if style == "single":
                return self._single_close_or_apostrophe(before, after)
            return f"close:{style}"
        if mark == '"':
            if self._is_open("double") and not before.isspace():
                return "close:double"
            if before.isspace() or before in "([{-/\u2014\u2013":
                if not after.isspace():
                    return "open:double"
                # "positive and constructive, " a demand: a stray space before the close
                return "close:double" if self._is_open("double") else None
            if not after.isalnum():
                return "close:double" if self._is_open("double") else None
            return "open:double" if not self._is_open("double") else "close:double"
        # straight single quote
        if _is_word(before) and _is_word(after):
            return None  # don't, Ukraine's
        if self._is_open("single") and not before.isspace() and not _is_word(after):
            return self._single_close_or_apostrophe(before, after)
        if (before.isspace() or before in '([{-"\u201c') and (
            after.isalnum() or after in '"\u201c'
        ):
            if self._elision(end, para):
                return None
            return "open:single"
        return None

    def _single_close_or_apostrophe(self, before: str, after: str) -> str | None:
        if _is_word(before) and _is_word(after):
            return None  # Ukraine’s, don’t
        if self._is_open("single"):
            return "close:single"
        return None  # allies’ (plural possessive) with no quotation open

    def _elision(self, end: int, para: Span) -> bool:
        """'90s, 'em, 'n': a leading apostrophe, not an opening quote."""
        tail = self.text[end : min(end + 4, para.end)]
        return _ELISION.match(tail) is not None

    def _low_open(self) -> bool:
        """Whether the innermost open double quotation opened with „."""
        for style, start, _ in reversed(self.stack):
            if style == "double":
                return self.text[start] == "\u201e"
        return False

    def _is_open(self, style: str) -> bool:
        return any(s == style for s, _, _ in self.stack)

    def _mark(self, mark: str, start: int, end: int, para: Span) -> None:
        if start == self.skip:
            return
        kind = self._classify(mark, start, end, para)
        if kind is None:
            return
        action, style = kind.split(":")
        if action == "open":
            if len(self.stack) < _MAX_DEPTH:
                self.stack.append((style, start, end))
            return
        # close the innermost open quotation of this style; drop those inside it
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == style:
                _, qstart, istart = self.stack[i]
                del self.stack[i:]
                self.regions.append(
                    QuoteRegion(
                        span=Span(start=qstart, end=end),
                        inner=Span(start=istart, end=start),
                        style=style,
                        depth=i,
                        closed=True,
                    )
                )
                return

    def _paragraph_end(self, index: int, para: Span) -> None:
        """Carry an open quotation into the next paragraph when that one reopens it."""
        if not self.stack:
            return
        nxt = self.paragraphs[index + 1] if index + 1 < len(self.paragraphs) else None
        outer_style = self.stack[0][0]
        if nxt is not None:
            m = _MARK.match(self.text, nxt.start, nxt.end)
            if m is not None:
                outer = self.stack[:1]
                inner, self.stack = self.stack[1:], outer  # classify as if only it were open
                kind = self._classify(m.group(), m.start(), m.end(), nxt)
                self.stack = outer + inner
                if kind == f"open:{outer_style}":
                    # the reopening mark belongs to the continued quotation: skip it;
                    # quotations opened inside it end, unclosed, with this paragraph
                    self.skip = m.start()
                    self._end_unclosed(para, first=1)
                    return
        # unclosed: the quotation ends with its paragraph
        self._end_unclosed(para, first=0)

    def _end_unclosed(self, para: Span, *, first: int) -> None:
        """End the open quotations from depth `first` on at the end of `para`."""
        for depth, (style, qstart, istart) in enumerate(self.stack[first:], first):
            self.regions.append(
                QuoteRegion(
                    span=Span(start=qstart, end=para.end),
                    inner=Span(start=istart, end=para.end),
                    style=style,
                    depth=depth,
                    closed=False,
                )
            )
        del self.stack[first:]


def _paragraphs(norm: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(norm):
        _add_trimmed(spans, norm, pos, m.start())
        pos = m.end()
    _add_trimmed(spans, norm, pos, len(norm))
    return tuple(spans)


def _add_trimmed(spans: list[Span], norm: str, start: int, end: int) -> None:
    while start < end and norm[start] == " ":
        start += 1
    while end > start and norm[end - 1] == " ":
        end -= 1
    if end > start:
        spans.append(Span(start=start, end=end))


def _is_abbreviation(norm: str, para_start: int, dot: int) -> bool:
    """Whether the period at `dot` closes an abbreviation rather than a sentence."""
    run = _RUN_BEFORE.match(norm, max(para_start, dot - 40), dot)
    m = _WORD_BEFORE.search(run.group()) if run else None
    word = m.group() if m else ""
    if not word:
        return False
    if word.lower() in _ABBREVIATIONS:
        return True
    if "." in word or len(word) == 1:
        # U.S., U.N., initials: a sentence end only before a typical sentence opener
        if len(word) == 1 and not word.isupper():
            return False
        nxt = _NEXT_WORD.match(norm, dot + 1)
        return not (nxt and nxt.group(1) in _SENTENCE_STARTERS)
    return False


def _sentences(
    norm: str, paragraphs: tuple[Span, ...], quotes: tuple[QuoteRegion, ...]
) -> tuple[Sentence, ...]:
    # offsets that lie inside a closed quotation of a single paragraph: no split there
    inside: list[tuple[int, int]] = sorted(
        (q.inner.start, q.inner.end) for q in quotes if q.depth == 0 and q.closed
    )
    starts = [s for s, _ in inside]
    out: list[Sentence] = []
    for index, para in enumerate(paragraphs):
        pos = para.start
        for m in _SENTENCE_END.finditer(norm, para.start, para.end):
            cut = m.end("end")
            single_period = norm[m.start("end")] == "." and cut == m.start("end") + 1
            if single_period and _is_abbreviation(norm, para.start, m.start("end")):
                continue
            i = bisect.bisect_right(starts, cut - 1) - 1
            if i >= 0 and inside[i][0] <= cut - 1 < inside[i][1] and inside[i][1] <= para.end:
                continue
            out.append(Sentence(span=Span(start=pos, end=cut), paragraph=index))
            pos = m.end()
        if pos < para.end:
            out.append(Sentence(span=Span(start=pos, end=para.end), paragraph=index))
    return tuple(out)


class Document:
    r"""An article's text split into paragraphs, sentences and quotation regions.

    Attributes:
        text: the original text.
        norm: a same-length normalized copy (plain quotes, dashes and spaces).
        paragraphs: paragraph spans, blank lines excluded.
        sentences: sentences in text order; a headline is a sentence of its own.
        quotes: quotation regions, outermost first at each start.

    Examples:
        >>> doc = Document("Talks\n\nMr Blinken said: \u201cWe are ready. Really.\u201d He left.")
        >>> [s.span.slice(doc.text) for s in doc.sentences]
        ['Talks', 'Mr Blinken said: “We are ready. Really.”', 'He left.']
        >>> doc.quotes[0].inner.slice(doc.text)
        'We are ready. Really.'
    """

    __slots__ = ("_sentence_starts", "norm", "paragraphs", "quotes", "sentences", "text")

    def __init__(self, text: str) -> None:
        self.text: Final = text
        self.norm: Final = text.translate(_NORM_TABLE)
        self.paragraphs: Final = _paragraphs(self.norm)
        scanner = _QuoteScanner(text, self.paragraphs)
        self.quotes: Final = scanner.run()
        self.sentences: Final = _sentences(self.norm, self.paragraphs, self.quotes)
        self._sentence_starts = [s.span.start for s in self.sentences]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing `offset` (the previous one in a gap), or -1.

        Examples:
            >>> Document("One. Two.").sentence_index(6)
            1
        """
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def quote_at(self, offset: int) -> QuoteRegion | None:
        """The outermost quotation whose inner words contain `offset`, or None.

        Examples:
            >>> doc = Document('He said "yes" twice.')
            >>> doc.quote_at(10).inner.slice(doc.text)
            'yes'
        """
        for q in self.quotes:
            if q.depth == 0 and q.inner.start <= offset < q.inner.end:
                return q
        return None
