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
        # An em dash (or a horizontal bar) stays a dash: as "-" it would join the words
        # around it ("Biden\u2014the" read as one hyphenated word). The extractors'
        # tokenizers read it as a typed dash (`tokens.typed_dash`).
        "\u2015": "\u2014",
        "\u2013": "-",  # en dash: "2020\u20132021", "Russia\u2013Ukraine"
        "\u2012": "-",
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

# A paragraph: a line without its leading and trailing spaces (blank lines are none).
# `[^\n]*` gives back only the line's trailing spaces, so the pattern stays linear; it is
# many times faster in the regex module than a repeated (spaces, word) group.
_PARAGRAPH: Final = regex.compile(r"[^ \n](?:[^\n]*[^ \n])?")

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


def _span(start: int, end: int) -> Span:
    """`Span(start=start, end=end)` without its validators.

    Every span built here comes from matches and marks in the text, so 0 <= start <= end
    holds by construction, and attrs' checking __init__ costs about four times as much:
    a hostile text with a hundred thousand quotations feels it. A unit test pins that
    the two build equal spans.
    """
    span = object.__new__(Span)
    object.__setattr__(span, "start", start)
    object.__setattr__(span, "end", end)
    return span


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
_ELISION: Final = regex.compile(r"[0-9][0-9]s\b|[0-9][0-9]\b|em\b|n\b|[Tt]il\b|[Cc]ause\b")
_MARK: Final = regex.compile(r"``|''|[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]")
# The characters of marks (a backtick is one only as ``), and where the scanner looks for
# the next mark that can act: any, with no quotation open (no closing marks: they close
# nothing) and with the stack full (no marks that only open: they are ignored; “ closes
# „ when that is the innermost open double quotation, so it stays then).
_MARK_CHARS: Final = "\"'`\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
_ACTING: Final = regex.compile(r"[\"'`\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]")
_ACTING_NONE_OPEN: Final = regex.compile(r"[\"'`\u201c\u201e\u00ab\u2018]")
_ACTING_FULL: Final = regex.compile(r"[\"'\u201d\u00bb\u2019]")
_ACTING_FULL_LOW: Final = regex.compile(r"[\"'\u201c\u201d\u00bb\u2019]")
# Quotations nest two or three deep in real text; deeper openers are stray marks. The cap
# also keeps the scanner linear on hostile input (a megabyte of opening quotes).
_MAX_DEPTH: Final = 4
# How many characters after a mark `_classify` may look at: the longest elision and the
# character after it ("'cause ").
_TAIL: Final = 6

# What a mark does: open or close a quotation of a style. `None` is an apostrophe or a
# stray mark.
_Kind = tuple[bool, str]
_OPEN_AP: Final[_Kind] = (True, "ap")
_CLOSE_AP: Final[_Kind] = (False, "ap")
_OPEN_DOUBLE: Final[_Kind] = (True, "double")
_CLOSE_DOUBLE: Final[_Kind] = (False, "double")
_OPEN_SINGLE: Final[_Kind] = (True, "single")
_CLOSE_SINGLE: Final[_Kind] = (False, "single")


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(context: str, styles: list[str], low: bool) -> _Kind | None:
    """What a mark does, from its context and the open quotations.

    `context` is the character before the mark (a space at the paragraph's start), the
    mark and the up to four characters after it in its paragraph; `styles` are the styles
    of the open quotations and `low` tells whether the innermost open double quotation
    opened with „. The result depends on nothing else, which lets the scanner reuse it
    for every mark in the same context.
    """
    before = context[0]
    mark = context[1:3] if context[1:3] in ("``", "''") else context[1]
    tail = context[1 + len(mark) :]
    after = tail[:1] or " "  # a space at the paragraph's end
    if mark == "``":
        return _OPEN_AP
    if mark == "''":
        if "ap" in styles:
            return _CLOSE_AP
        # ''We are ready,'' he said: some archives open with two apostrophes too
        opens = (before.isspace() or before in "([{-") and after.isalpha()
        return _OPEN_AP if opens else None
    if mark == "\u201c" and low and not before.isspace():
        return _CLOSE_DOUBLE  # „Wir sind bereit“: German style closes with “
    if mark in _OPENERS:
        style = _OPENERS[mark]
        if style == "single" and _ELISION.match(tail) is not None:
            return None  # ‘90s, ‘em
        return True, style
    if mark in _CLOSERS:
        style = _CLOSERS[mark]
        if style == "single":
            return _single_close_or_apostrophe(before, after, styles)
        return False, style
    if mark == '"':
        is_open = "double" in styles
        if is_open and not before.isspace():
            return _CLOSE_DOUBLE
        if before.isspace() or before in "([{-/\u2014\u2013":
            if not after.isspace():
                return _OPEN_DOUBLE
            # "positive and constructive, " a demand: a stray space before the close
            return _CLOSE_DOUBLE if is_open else None
        if not after.isalnum():
            return _CLOSE_DOUBLE if is_open else None
        return _CLOSE_DOUBLE if is_open else _OPEN_DOUBLE
    # straight single quote
    if _is_word(before) and _is_word(after):
        return None  # don't, Ukraine's
    if "single" in styles and not before.isspace() and not _is_word(after):
        return _single_close_or_apostrophe(before, after, styles)
    if (before.isspace() or before in '([{-"\u201c') and (after.isalnum() or after in '"\u201c'):
        if _ELISION.match(tail) is not None:
            return None
        return _OPEN_SINGLE
    return None


def _single_close_or_apostrophe(before: str, after: str, styles: list[str]) -> _Kind | None:
    if _is_word(before) and _is_word(after):
        return None  # Ukraine’s, don’t
    if "single" in styles:
        return _CLOSE_SINGLE
    return None  # allies’ (plural possessive) with no quotation open


# Marker for a context not classified yet (`None` is a classification: no effect).
_UNSEEN: Final[_Kind] = (False, "")
# An open quotation: style, start offset, inner start, its slot in the list of regions,
# and the state (see `_STYLE_BITS`) with it and those around it open.
_Open = tuple[str, int, int, int, int]


# What `_classify` reads from the open quotations, as bits of a number: whether an ``ap``,
# a double or a single quotation is open, and whether the innermost open double one
# opened with „.
_STYLE_BITS: Final = {"ap": 1, "double": 2, "single": 4, "guillemet": 0}
_LOW: Final = 8


def _push_state(state: int, style: str, mark: str) -> int:
    """The state once a quotation of `style` opens with `mark`."""
    if style == "double":
        return (state & ~_LOW) | _STYLE_BITS["double"] | (_LOW if mark == "\u201e" else 0)
    return state | _STYLE_BITS[style]


def _acting(depth: int, state: int) -> regex.Pattern[str]:
    """Where to look for a mark that can act with `depth` quotations open in `state`."""
    if depth == 0:
        return _ACTING_NONE_OPEN
    if depth < _MAX_DEPTH:
        return _ACTING
    return _ACTING_FULL_LOW if state >= _LOW else _ACTING_FULL


def _scan_quotes(text: str, paragraphs: tuple[Span, ...]) -> tuple[QuoteRegion, ...]:
    """One left-to-right pass over the marks of the text; a stack of open quotations."""
    if not paragraphs:
        return ()
    # the regions in the order of their opening marks, which is the order of their starts;
    # an opening gets its slot at once, and a quotation dropped unclosed (when one around
    # it closes) leaves its slot empty
    regions: list[QuoteRegion | None] = []
    # the open quotations, their styles, and the state
    stack: list[_Open] = []
    styles: list[str] = []
    state = 0
    # What a mark does depends only on the mark, its neighbours, the next four characters
    # and the state, so one `_classify` call serves every mark in the same context: a
    # memo per state, keyed by the text from the character before the mark to the end of
    # its tail (which determines the mark too). On hostile runs of marks nearly every
    # mark is a hit.
    memos: dict[int, dict[str, _Kind | None]] = {state: {}}
    memo = memos[state]
    # the reopening mark of a quotation continued from the previous paragraph
    skip = -1
    index = 0
    pstart = paragraphs[0].start
    pend = paragraphs[0].end
    pos = pstart
    # A search finds the next mark that can act in the current state, then the inner loop
    # takes the marks adjacent to it one by one (much cheaper than a match object per
    # mark), until a character that is no mark, or a change of state after which a search
    # can skip more. A search never starts inside a `` or '' pair, so the loop pairs marks
    # as `_MARK` would.
    while True:
        m = _acting(len(stack), state).search(text, pos)
        start = len(text) if m is None else m.start()
        if start >= pend:
            # no more marks in this paragraph
            if not stack:
                # nothing to carry over: on to the paragraph of the mark found, if any
                if m is None:
                    break
                while paragraphs[index].end <= start:
                    index += 1
                pstart = paragraphs[index].start
                pend = paragraphs[index].end
            else:
                nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
                reopening = _paragraph_end(text, stack, regions, paragraphs[index], nxt)
                if reopening >= 0:
                    skip = reopening
                if len(styles) != len(stack):  # quotations ended with their paragraph
                    del styles[len(stack) :]
                    state = stack[-1][4] if stack else 0
                    memo = memos.get(state) or memos.setdefault(state, {})
                if nxt is None:
                    break
                index += 1
                pos = pstart = nxt.start
                pend = nxt.end
                continue  # the state may have changed: search again
        while start < pend:
            ch = text[start]
            if ch not in _MARK_CHARS:
                break
            end = start + 1
            if ch in "`'":  # `` and '' are marks; a lone ` is none
                if text[end : end + 1] == ch:
                    end += 1
                elif ch == "`":
                    start = end
                    continue
            if start == skip:
                start = end
                continue
            if pstart < start and end + _TAIL <= pend:
                context = text[start - 1 : end + _TAIL]
            else:  # at a paragraph's edge
                before = text[start - 1] if start > pstart else " "
                context = before + text[start : min(end + _TAIL, pend)]
            kind = memo.get(context, _UNSEEN)
            if kind is _UNSEEN:
                kind = memo[context] = _classify(context, styles, state >= _LOW)
            if kind is not None:
                opens, style = kind
                if opens:
                    if len(stack) < _MAX_DEPTH:
                        state = _push_state(state, style, ch)
                        stack.append((style, start, end, len(regions), state))
                        regions.append(None)
                        styles.append(style)
                        memo = memos.get(state) or memos.setdefault(state, {})
                        if len(stack) == _MAX_DEPTH:
                            start = end  # fewer marks can act now
                            break
                elif style in styles:
                    # close the innermost open quotation of this style; drop those
                    # inside it
                    i = len(styles) - 1 - styles[::-1].index(style)
                    _, qstart, istart, slot, _ = stack[i]
                    del stack[i:], styles[i:]
                    regions[slot] = QuoteRegion(
                        span=_span(qstart, end),
                        inner=_span(istart, start),
                        style=style,
                        depth=i,
                        closed=True,
                    )
                    state = stack[-1][4] if stack else 0
                    memo = memos.get(state) or memos.setdefault(state, {})
                    if not stack:
                        start = end  # fewer marks can act now
                        break
            start = end
        pos = start
    return tuple(region for region in regions if region is not None)


def _paragraph_end(
    text: str,
    stack: list[_Open],
    regions: list[QuoteRegion | None],
    para: Span,
    nxt: Span | None,
) -> int:
    """Carry an open quotation into the next paragraph when that one reopens it.

    Returns the offset of the reopening mark, which the scanner skips, or -1.
    """
    if nxt is not None:
        m = _MARK.match(text, nxt.start, nxt.end)
        if m is not None:
            # classify as if only the outer quotation were open
            outer_style = stack[0][0]
            context = " " + text[m.start() : min(m.end() + _TAIL, nxt.end)]
            low = stack[0][4] >= _LOW
            if _classify(context, [outer_style], low) == (True, outer_style):
                # the reopening mark belongs to the continued quotation: skip it;
                # quotations opened inside it end, unclosed, with this paragraph
                _end_unclosed(stack, regions, para, first=1)
                return m.start()
    # unclosed: the quotation ends with its paragraph
    _end_unclosed(stack, regions, para, first=0)
    return -1


def _end_unclosed(
    stack: list[_Open], regions: list[QuoteRegion | None], para: Span, *, first: int
) -> None:
    """End the open quotations from depth `first` on at the end of `para`."""
    for depth, (style, qstart, istart, slot, _) in enumerate(stack[first:], first):
        regions[slot] = QuoteRegion(
            span=_span(qstart, para.end),
            inner=_span(istart, para.end),
            style=style,
            depth=depth,
            closed=False,
        )
    del stack[first:]


def _paragraphs(norm: str) -> tuple[Span, ...]:
    return tuple(_span(m.start(), m.end()) for m in _PARAGRAPH.finditer(norm))


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
    if not paragraphs:
        return ()
    # offsets that lie inside a closed quotation of a single paragraph: no split there
    # (listed at the first sentence end: many texts have none)
    inside: list[tuple[int, int]] | None = None
    starts: list[int] = []
    out: list[Sentence] = []
    index = 0
    para = paragraphs[0]
    pos = para.start
    # One pass over the whole text: a sentence end lies in one paragraph (the gaps hold
    # only spaces and line breaks, and a paragraph's trailing spaces meet a line break,
    # which cannot start a sentence), so these are the ends a pass per paragraph finds.
    for m in _SENTENCE_END.finditer(norm, pos):
        dot = m.start("end")
        while dot >= para.end:  # the paragraph's last sentence, then the next paragraph
            if pos < para.end:
                out.append(Sentence(span=_span(pos, para.end), paragraph=index))
            index += 1
            para = paragraphs[index]
            pos = para.start
        cut = m.end("end")
        if cut == dot + 1 and norm[dot] == "." and _is_abbreviation(norm, para.start, dot):
            continue
        if inside is None:
            inside = sorted(
                (q.inner.start, q.inner.end) for q in quotes if q.depth == 0 and q.closed
            )
            starts = [s for s, _ in inside]
        i = bisect.bisect_right(starts, cut - 1) - 1
        if i >= 0 and inside[i][0] <= cut - 1 < inside[i][1] and inside[i][1] <= para.end:
            continue
        out.append(Sentence(span=_span(pos, cut), paragraph=index))
        pos = m.end()
    if pos < para.end:
        out.append(Sentence(span=_span(pos, para.end), paragraph=index))
    # the paragraphs after the last sentence end are sentences of their own
    out.extend(
        Sentence(span=paragraphs[rest], paragraph=rest)
        for rest in range(index + 1, len(paragraphs))
    )
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
        self.quotes: Final = _scan_quotes(text, self.paragraphs)
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
