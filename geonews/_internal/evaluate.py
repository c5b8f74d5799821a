"""`evaluate`: score geonews, or anyone's predictions, against gold annotations.

The matching rules (documented in docs/accuracy.md) are those of the project's
reference scorer, so both report the same figures on the same input:

- a predicted quote pairs with a gold quote when they share, in order, at least half
  of the gold tokens and half of the predicted tokens;
- a predicted name matches a gold actor when the content words of the name and of
  one of the gold aliases are one within the other ("Blinken" matches "Antony
  Blinken"; honorifics and function words are ignored);
- a meeting pairs on its participants, a demand on its demander and the words of its
  content, a shipment on its supplier and its items or quantity;
- gold and predicted items are paired greedily, best pair first;
- an item marked ``optional`` in the gold is neither rewarded nor punished;
- a pair is a strict hit when the key attribute (speaker, participants, addressee,
  recipient) is right too.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, Protocol, TypeAlias

import attrs
import regex

from geonews._internal.errors import SchemaError
from geonews._internal.gold import KINDS, GoldSource, load_gold, load_predictions
from geonews._internal.pipeline import parse_article

# A token is a run of letters and digits, as the reference scorer's `[^\W_]+` under
# Python's own Unicode tables (the two differ only on code points that Python leaves
# unassigned).
TOKEN_PATTERN: Final = regex.compile(r"[\p{L}\p{N}]++")

# Titles and function words that do not tell two names apart. These sets define the
# matching rule and must stay equal to the reference scorer's.
HONORIFICS: Final = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "gen", "president"}
)
NAME_STOPWORDS: Final = frozenset(
    {"the", "a", "an", "of", "in", "for", "to", "and", "s", "its", "his", "her", "their"}
    | {"that", "on", "at", "with"}
)

# The attribute that must also be right for an end-to-end ("strict") hit.
STRICT_ATTRIBUTE: Final[Mapping[str, str]] = {
    "quotes": "speaker",
    "meetings": "participants",
    "demands": "addressee",
    "shipments": "recipient",
}

Item: TypeAlias = Mapping[str, Any]

_BRIEF_MAX: Final = 300
_EVIDENCE_MAX: Final = 200
_SHOWN_IDS: Final = 5
_HALF: Final = 0.5  # quotes pair on half of each side's tokens, demands on half the gold words


# --------------------------------------------------------------------------- matching


def tokens(text: str | None) -> list[str]:
    """Split `text` into lower-case word tokens, as the matching rules compare them.

    Unicode is NFKC-normalized, curly apostrophes become straight ones and "U.S." and
    "U.K." become single tokens.

    Examples:
        >>> tokens("The U.S. embassy’s “lethal aid”")
        ['the', 'us', 'embassy', 's', 'lethal', 'aid']
    """
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = text.replace("’", "'").replace("‘", "'")
    text = text.replace("u.s.", "us").replace("u.k.", "uk")
    return TOKEN_PATTERN.findall(text)


def name_tokens(name: str | None) -> frozenset[str]:
    """Return the content words of a name: tokens without honorifics and function words.

    Examples:
        >>> sorted(name_tokens("Mr Blinken of the State Department"))
        ['blinken', 'department', 'state']
    """
    return frozenset(t for t in tokens(name) if t not in NAME_STOPWORDS and t not in HONORIFICS)


def name_match(name: str | None, aliases: Sequence[str] | None) -> bool:
    """Whether a predicted name matches a gold actor given as a list of aliases.

    The content words of `name` and of one alias must be one within the other. A gold
    actor of None (nobody named) matches only a predicted None.

    Examples:
        >>> name_match("Mr Blinken", ["Antony Blinken"])
        True
        >>> name_match("the Kremlin", ["Russia", "Moscow"])
        False
        >>> name_match(None, None)
        True
    """
    if aliases is None:
        return name is None
    if name is None:
        return False
    words = name_tokens(name)
    if not words:
        return False
    for alias in aliases:
        alias_words = name_tokens(alias)
        if alias_words and (words <= alias_words or alias_words <= words):
            return True
    return False


def coverage(gold: str | None, predicted: str | None) -> tuple[float, float]:
    """Return the shares of gold and of predicted tokens that the two texts share in order.

    Common tokens are counted with `difflib.SequenceMatcher` (no junk heuristic).

    Examples:
        >>> coverage("a critical moment", "what he called a critical moment")
        (1.0, 0.5)
    """
    g, p = tokens(gold), tokens(predicted)
    if not g or not p:
        return 0.0, 0.0
    common = _common(g, p)
    return common / len(g), common / len(p)


def _common(gold: list[str], predicted: list[str]) -> int:
    matcher = difflib.SequenceMatcher(a=gold, b=predicted, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def date_ok(gold: str | None, time: Item | None) -> bool:
    """Whether a predicted time (``{"start", "end"}``) fits a gold date (day or month).

    Both ends must fall on the gold day, or inside the gold month; a gold date of None
    accepts anything.

    Examples:
        >>> date_ok("2022-02", {"start": "2022-02-01", "end": "2022-02-28"})
        True
        >>> date_ok("2022-01-21", {"start": "2022-01-17", "end": "2022-01-23"})
        False
    """
    if gold is None:
        return True
    if not time:
        return False
    start = time.get("start")
    end = time.get("end") or start
    if not start:
        return False
    return bool(start[: len(gold)] == gold and (end or start)[: len(gold)] == gold)


def quantity_ok(gold: Item | None, predicted: Item | None) -> bool:
    """Whether a predicted quantity equals the gold one within 1 %, in the same unit.

    Examples:
        >>> quantity_ok({"value": 200000, "unit": "lb"}, {"value": 199000.0, "unit": "LB"})
        True
        >>> quantity_ok({"value": 200000, "unit": "lb"}, {"value": 200000.0, "unit": "kg"})
        False
    """
    if gold is None:
        return True
    if not predicted or predicted.get("value") is None:
        return False
    value = float(predicted["value"])
    return bool(
        abs(value - gold["value"]) <= 0.01 * abs(gold["value"])
        and str(predicted.get("unit", "")).lower() == gold["unit"].lower()
    )


def _name(value: object) -> str | None:
    """The name of a predicted actor or place: a dict with "name", or a bare string."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        name = value.get("name")
        return name if isinstance(name, str) else None
    return None


def _overlap(gold: str, predicted: str | None) -> float:
    g = name_tokens(gold)
    return len(g & name_tokens(predicted)) / len(g) if g else 0.0


# How a gold item and a predicted one can pair: a score (higher is better) or None.


def _quote_pairing() -> Callable[[Item, Item], float | None]:
    """Pair quotes by `coverage`, tokenizing each text once per call of `evaluate`.

    Texts that share too few tokens, in any order, to cover half of each side are
    rejected before the (slower) in-order count: the result is the same.
    """
    memo: dict[str, tuple[list[str], collections.Counter[str]]] = {}

    def split(text: str | None) -> tuple[list[str], collections.Counter[str]]:
        key = text or ""
        if key not in memo:
            words = tokens(key)
            memo[key] = (words, collections.Counter(words))
        return memo[key]

    def pair(g: Item, p: Item) -> float | None:
        (gold, gold_bag), (pred, pred_bag) = split(g["text"]), split(p.get("text", ""))
        if not gold or not pred:
            return None
        most = sum((gold_bag & pred_bag).values())
        if most / len(gold) < _HALF or most / len(pred) < _HALF:
            return None
        common = _common(gold, pred)
        cg, cp = common / len(gold), common / len(pred)
        return cg + cp if cg >= _HALF and cp >= _HALF else None

    return pair


def _pair_meeting(g: Item, p: Item) -> float | None:
    names = [_name(a) for a in p.get("participants") or []]
    parties = g["participants"]
    hit = sum(any(name_match(n, aliases) for n in names) for aliases in parties)
    if hit < min(2, len(parties)):
        return None
    score = hit + (g.get("status") == p.get("status"))
    if g.get("date"):
        score += date_ok(g["date"], p.get("time"))
    if g.get("place"):
        score += name_match(_name(p.get("place")), g["place"])
    return score


def _pair_demand(g: Item, p: Item) -> float | None:
    if g.get("demander") and not name_match(_name(p.get("demander")), g["demander"]):
        return None
    share = _overlap(g["content"], p.get("content", ""))
    return share if share >= _HALF else None


def _pair_shipment(g: Item, p: Item) -> float | None:
    if g.get("supplier") and not name_match(_name(p.get("supplier")), g["supplier"]):
        return None
    gold_words = frozenset().union(*(name_tokens(i) for i in g["items"]))
    item_hit = len(gold_words & name_tokens(" ".join(p.get("items") or [])))
    quantity_hit = bool(g.get("quantity")) and quantity_ok(g["quantity"], p.get("quantity"))
    if not item_hit and not quantity_hit:
        return None
    return item_hit + 2 * quantity_hit


_PAIRING: Final[Mapping[str, Callable[[], Callable[[Item, Item], float | None]]]] = {
    "quotes": _quote_pairing,
    "meetings": lambda: _pair_meeting,
    "demands": lambda: _pair_demand,
    "shipments": lambda: _pair_shipment,
}


def _all_parties(g: Item, p: Item) -> bool:
    names = [_name(a) for a in p.get("participants") or []]
    return all(any(name_match(n, aliases) for n in names) for aliases in g["participants"])


# The attributes checked once a gold and a predicted item pair, in report order.
_ATTRIBUTES: Final[Mapping[str, Mapping[str, Callable[[Item, Item], bool]]]] = {
    "quotes": {
        "speaker": lambda g, p: name_match(_name(p.get("speaker")), g["speaker"]),
        "kind": lambda g, p: g.get("kind") == p.get("kind"),
    },
    "meetings": {
        "place": lambda g, p: name_match(_name(p.get("place")), g.get("place")),
        "date": lambda g, p: date_ok(g["date"], p.get("time")) if g.get("date") else True,
        "status": lambda g, p: g.get("status") == p.get("status"),
        "participants": _all_parties,
    },
    "demands": {
        "addressee": lambda g, p: name_match(_name(p.get("addressee")), g.get("addressee")),
    },
    "shipments": {
        "recipient": lambda g, p: name_match(_name(p.get("recipient")), g.get("recipient")),
        "quantity": lambda g, p: (
            quantity_ok(g["quantity"], p.get("quantity")) if g.get("quantity") else True
        ),
        "status": lambda g, p: g.get("status") == p.get("status"),
    },
}


def align(
    gold: Sequence[Item], predicted: Sequence[Item], pair: Callable[[Item, Item], float | None]
) -> list[tuple[int, int]]:
    """Pair gold and predicted items greedily, best score first, each item at most once.

    Ties keep gold order, then predicted order.

    Examples:
        >>> same = lambda g, p: 1.0 if g == p else None
        >>> align(["a", "b"], ["b", "c", "a"], same)
        [(0, 2), (1, 0)]
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            score = pair(g, p)
            if score is not None:
                candidates.append((score, i, j))
    candidates.sort(key=lambda c: -c[0])
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _score, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs


# --------------------------------------------------------------------------- records


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else (1.0 if not gold else 0.0)
    recall = hits / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


@attrs.frozen(kw_only=True)
class AttributeScore:
    """How often one attribute was right on the paired (non-optional) items.

    Attributes:
        name: the attribute ("speaker", "status", ...).
        correct: pairs where it was right.
        total: pairs where it was checked.

    Examples:
        >>> AttributeScore(name="speaker", correct=3, total=4).accuracy
        0.75
    """

    name: str
    correct: int
    total: int

    @property
    def accuracy(self) -> float | None:
        """`correct / total`, or None when no pair was checked.

        Examples:
            >>> AttributeScore(name="status", correct=0, total=0).accuracy is None
            True
        """
        return self.correct / self.total if self.total else None


def _attribute_scores(items: Iterable[AttributeScore]) -> tuple[AttributeScore, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class KindScore:
    """The scores of one kind of fact over all the articles.

    Attributes:
        kind: "quotes", "meetings", "demands" or "shipments".
        gold: gold items, optional ones not counted.
        pred: predicted items, those paired with an optional gold item not counted.
        matched: predicted items paired with a (non-optional) gold item.
        strict_matched: of those, the ones whose key attribute is right too.
        attributes: per-attribute accuracy over the matched pairs.

    Examples:
        >>> s = KindScore(kind="quotes", gold=4, pred=2, matched=2, strict_matched=1,
        ...               attributes=(AttributeScore(name="speaker", correct=1, total=2),))
        >>> s.precision, s.recall, round(s.f1, 3), round(s.strict_f1, 3)
        (1.0, 0.5, 0.667, 0.333)
        >>> s.accuracy("speaker")
        0.5
    """

    kind: str
    gold: int
    pred: int
    matched: int
    strict_matched: int
    attributes: tuple[AttributeScore, ...] = attrs.field(converter=_attribute_scores)

    @property
    def precision(self) -> float:
        """Matched / predicted (1.0 when nothing was predicted and nothing was due).

        Examples:
            >>> KindScore(kind="demands", gold=2, pred=0, matched=0, strict_matched=0,
            ...           attributes=()).precision
            0.0
        """
        return _prf(self.matched, self.pred, self.gold)[0]

    @property
    def recall(self) -> float:
        """Matched / gold (1.0 when the gold has none).

        Examples:
            >>> KindScore(kind="demands", gold=0, pred=3, matched=0, strict_matched=0,
            ...           attributes=()).recall
            1.0
        """
        return _prf(self.matched, self.pred, self.gold)[1]

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0).

        Examples:
            >>> KindScore(kind="quotes", gold=4, pred=4, matched=3, strict_matched=1,
            ...           attributes=()).f1
            0.75
        """
        return _prf(self.matched, self.pred, self.gold)[2]

    @property
    def strict_f1(self) -> float:
        """F1 counting only the pairs whose key attribute is right too.

        Examples:
            >>> KindScore(kind="quotes", gold=4, pred=4, matched=3, strict_matched=1,
            ...           attributes=()).strict_f1
            0.25
        """
        return _prf(self.strict_matched, self.pred, self.gold)[2]

    def accuracy(self, name: str) -> float | None:
        """Return the accuracy of attribute `name` (None when never checked).

        Raises:
            KeyError: this kind has no such attribute.

        Examples:
            >>> s = KindScore(kind="shipments", gold=1, pred=1, matched=1, strict_matched=1,
            ...               attributes=[AttributeScore(name="status", correct=1, total=1)])
            >>> s.accuracy("status")
            1.0
        """
        for attribute in self.attributes:
            if attribute.name == name:
                return attribute.accuracy
        raise KeyError(f"{self.kind} have no attribute {name!r}")

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as the reference scorer prints them (rounded to 3 places).

        Examples:
            >>> KindScore(kind="demands", gold=0, pred=0, matched=0, strict_matched=0,
            ...           attributes=()).to_dict()["f1"]
            1.0
        """
        return {
            "gold": self.gold,
            "pred": self.pred,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "strict_f1": round(self.strict_f1, 3),
            **{f"{a.name}_acc": _round(a.accuracy) for a in self.attributes},
        }


@attrs.frozen(kw_only=True)
class Mismatch:
    """One difference between gold and predictions.

    Attributes:
        article_id: the article it is in.
        kind: "quotes", "meetings", "demands" or "shipments".
        problem: "missed" (a gold item with no predicted match), "spurious" (a
            prediction with no gold match) or "wrong <attribute>" (a pair that
            disagrees on that attribute).
        gold: the gold item, as compact JSON, or None for a spurious item.
        predicted: the predicted item, as compact JSON with actors reduced to their
            names, or None for a missed item.
        evidence: the article text under the predicted item's span, or None.

    Examples:
        >>> m = Mismatch(article_id="a1", kind="quotes", problem="missed",
        ...              gold='{"text": "critical moment"}', predicted=None, evidence=None)
        >>> m.to_text()
        '[a1] quotes missed: gold={"text": "critical moment"}'
    """

    article_id: str
    kind: str
    problem: str
    gold: str | None
    predicted: str | None
    evidence: str | None

    def to_text(self) -> str:
        """Return the mismatch as one line: article id, kind, problem, items, evidence.

        Examples:
            >>> Mismatch(article_id="a1", kind="demands", problem="spurious", gold=None,
            ...          predicted='{"content": "stop"}', evidence="They must stop.").to_text()
            '[a1] demands spurious: pred={"content": "stop"} evidence="They must stop."'
        """
        parts = [f"[{self.article_id}] {self.kind} {self.problem}:"]
        if self.gold is not None:
            parts.append(f"gold={self.gold}")
        if self.predicted is not None:
            parts.append(f"pred={self.predicted}")
        if self.evidence is not None:
            evidence = " ".join(self.evidence.split())
            if len(evidence) > _EVIDENCE_MAX:
                evidence = evidence[: _EVIDENCE_MAX - 3] + "..."
            parts.append(f"evidence={json.dumps(evidence, ensure_ascii=False)}")
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Return the mismatch as a JSON-ready dict.

        Examples:
            >>> Mismatch(article_id="a1", kind="quotes", problem="spurious", gold=None,
            ...          predicted="{}", evidence=None).to_dict()["problem"]
            'spurious'
        """
        return attrs.asdict(self)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _mismatches(items: Iterable[Mismatch]) -> tuple[Mismatch, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class Evaluation:
    """The result of `evaluate`: scores per kind and every mismatch.

    Attributes:
        quotes: scores of quotes.
        meetings: scores of meetings.
        demands: scores of demands.
        shipments: scores of shipments.
        articles: how many gold articles were scored.
        unpredicted: ids of gold articles that had no prediction (scored as empty).
        errors: every missed, spurious and wrong-attribute item, article by article.

    Examples:
        >>> gold = [{"id": "a1", "text": 'Blinken said it was a “critical moment”.',
        ...          "published": "2022-01-21", "meetings": [], "demands": [],
        ...          "shipments": [], "quotes": [{"text": "critical moment",
        ...          "speaker": ["Antony Blinken"], "kind": "partial"}]}]
        >>> result = evaluate(gold, [{"id": "a1", "quotes": [
        ...     {"text": "critical moment", "kind": "direct", "speaker": {"name": "Blinken"}}]}])
        >>> result.quotes.f1, result.quotes.accuracy("kind")
        (1.0, 0.0)
        >>> print(result.to_text(show_errors=True))  # doctest: +NORMALIZE_WHITESPACE
        [a1] quotes wrong kind: gold={"text": "critical moment", "speaker": ["Antony Blinken"],
          "kind": "partial"} pred={"text": "critical moment", "kind": "direct",
          "speaker": "Blinken"}
        kind        gold  pred      P      R     F1  strict  attributes
        quotes         1     1    1.0    1.0    1.0     1.0  speaker=1.0 kind=0.0
        meetings       0     0    1.0    1.0    1.0     1.0  place=None date=None
          status=None participants=None
        demands        0     0    1.0    1.0    1.0     1.0  addressee=None
        shipments      0     0    1.0    1.0    1.0     1.0  recipient=None
          quantity=None status=None
    """

    quotes: KindScore
    meetings: KindScore
    demands: KindScore
    shipments: KindScore
    articles: int
    unpredicted: tuple[str, ...] = attrs.field(converter=_strings)
    errors: tuple[Mismatch, ...] = attrs.field(converter=_mismatches)

    @property
    def kinds(self) -> tuple[KindScore, ...]:
        """The four `KindScore`s, in report order.

        Examples:
            >>> [score.kind for score in evaluate([], []).kinds]
            ['quotes', 'meetings', 'demands', 'shipments']
        """
        return (self.quotes, self.meetings, self.demands, self.shipments)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: per-kind scores (rounded to 3 places) and errors.

        The per-kind dicts have the keys and values of the reference scorer's
        ``--json`` output.

        Examples:
            >>> result = evaluate([], [])
            >>> result.to_dict()["kinds"]["quotes"]["f1"]
            1.0
        """
        return {
            "articles": self.articles,
            "kinds": {score.kind: score.to_dict() for score in self.kinds},
            "unpredicted": list(self.unpredicted),
            "errors": [error.to_dict() for error in self.errors],
        }

    def to_text(self, *, show_errors: bool = False) -> str:
        """Return the scores as a table (the reference scorer's), errors first if asked.

        Examples:
            >>> print(evaluate([], []).to_text().splitlines()[0])
            kind        gold  pred      P      R     F1  strict  attributes
        """
        lines = [error.to_text() for error in self.errors] if show_errors else []
        lines.append(
            f"{'kind':10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'strict':>7}"
            "  attributes"
        )
        for score in self.kinds:
            row = score.to_dict()
            shown = " ".join(f"{a.name}={_round(a.accuracy)}" for a in score.attributes)
            lines.append(
                f"{score.kind:10} {row['gold']:>5} {row['pred']:>5} {row['precision']:>6} "
                f"{row['recall']:>6} {row['f1']:>6} {row['strict_f1']:>7}  {shown}"
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------- scoring


def _brief(item: Item) -> str:
    """Compact JSON of an item: no spans or mentions, actors and places by name."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in {"span", "evidence", "sentence", "mentions", "cue"}:
            continue
        if isinstance(value, Mapping) and "name" in value:
            out[key] = value["name"]
        elif isinstance(value, Mapping) and "start" in value and key == "time":
            start, end = value.get("start"), value.get("end")
            out[key] = start if end is None or end == start else f"{start}..{end}"
        elif isinstance(value, Mapping) and "value" in value:
            out[key] = {"value": value.get("value"), "unit": value.get("unit")}
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            out[key] = [v.get("name", v) for v in value]
        else:
            out[key] = value
    text = json.dumps(out, ensure_ascii=False)
    return text if len(text) < _BRIEF_MAX else text[: _BRIEF_MAX - 3] + "..."


def _evidence(item: Item, text: str) -> str | None:
    span = item.get("span")
    if not isinstance(span, Mapping):
        return None
    start, end = span.get("start"), span.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        return None
    return text[start:end]


class _Tally:
    """Running counts of one kind."""

    __slots__ = ("attributes", "gold", "matched", "pred", "strict")

    def __init__(self, kind: str) -> None:
        self.gold = self.pred = self.matched = self.strict = 0
        self.attributes = {name: [0, 0] for name in _ATTRIBUTES[kind]}

    def score(self, kind: str) -> KindScore:
        return KindScore(
            kind=kind,
            gold=self.gold,
            pred=self.pred,
            matched=self.matched,
            strict_matched=self.strict,
            attributes=[
                AttributeScore(name=name, correct=ok, total=n)
                for name, (ok, n) in self.attributes.items()
            ],
        )


def _score_kind(
    kind: str, article: Item, gold: Sequence[Item], pred: Sequence[Item], tally: _Tally
) -> list[Mismatch]:
    ident, text = article["id"], article["text"]
    pairs = align(gold, pred, _PAIRING[kind]())
    errors = []
    tally.gold += sum(1 for g in gold if not g.get("optional"))
    # A prediction paired with an optional gold item is neither rewarded nor punished.
    tally.pred += len(pred) - sum(1 for i, _ in pairs if gold[i].get("optional"))
    for i, j in pairs:
        if gold[i].get("optional"):
            continue
        tally.matched += 1
        for name, check in _ATTRIBUTES[kind].items():
            ok = bool(check(gold[i], pred[j]))
            tally.attributes[name][0] += ok
            tally.attributes[name][1] += 1
            if name == STRICT_ATTRIBUTE[kind]:
                tally.strict += ok
            if not ok:
                errors.append(
                    Mismatch(
                        article_id=ident,
                        kind=kind,
                        problem=f"wrong {name}",
                        gold=_brief(gold[i]),
                        predicted=_brief(pred[j]),
                        evidence=_evidence(pred[j], text),
                    )
                )
    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    errors.extend(
        Mismatch(
            article_id=ident,
            kind=kind,
            problem="missed",
            gold=_brief(g),
            predicted=None,
            evidence=None,
        )
        for i, g in enumerate(gold)
        if i not in paired_gold and not g.get("optional")
    )
    errors.extend(
        Mismatch(
            article_id=ident,
            kind=kind,
            problem="spurious",
            gold=None,
            predicted=_brief(p),
            evidence=_evidence(p, text),
        )
        for j, p in enumerate(pred)
        if j not in paired_pred
    )
    return errors


def _parse(gold: Iterable[Item]) -> dict[str, dict[str, Any]]:
    out = {}
    for article in gold:
        parsed = parse_article(article["text"], published=article["published"]).to_dict()
        out[article["id"]] = {"id": article["id"], **parsed}
    return out


def evaluate(gold: GoldSource, predictions: GoldSource | None = None) -> Evaluation:
    """Score predictions (or geonews itself) against gold annotations.

    Args:
        gold: a JSON lines file of gold articles in geonews' annotation format
            (docs/annotation.md), or an iterable of such dicts. Checked on load.
        predictions: a JSON lines file or an iterable of dicts, each an
            `Article.to_dict()` plus the article's ``id``. None parses every gold
            article with `parse_article` (using its ``published`` date) and scores
            that. An article without a prediction counts as one with no facts.

    Returns:
        The `Evaluation`: per-kind counts, precision, recall, F1, strict F1 and
        attribute accuracies, and every mismatch.

    Raises:
        SchemaError: a gold article breaks the annotation format (the message names
            the line, the article id and the field), or a prediction line is not an
            object with an ``id`` and lists of objects.
        OSError: a file cannot be read.

    Examples:
        >>> gold = [{"id": "a1", "published": "2022-01-22",
        ...          "text": "Russia wants Nato to pull back its forces.",
        ...          "quotes": [], "meetings": [], "shipments": [],
        ...          "demands": [{"demander": ["Russia"], "addressee": ["Nato"],
        ...                       "content": "pull back its forces"}]}]
        >>> pred = [{"id": "a1", "demands": [{"demander": {"name": "Russia"},
        ...          "addressee": None, "content": "pull back its forces"}]}]
        >>> result = evaluate(gold, pred)
        >>> result.demands.f1, result.demands.strict_f1
        (1.0, 0.0)
        >>> [e.problem for e in result.errors]
        ['wrong addressee']
        >>> evaluate(gold).demands.gold  # no predictions: geonews parses the text itself
        1
    """
    articles = load_gold(gold)
    by_id = _parse(articles) if predictions is None else load_predictions(predictions)
    tallies = {kind: _Tally(kind) for kind in KINDS}
    errors: list[Mismatch] = []
    for article in articles:
        prediction = by_id.get(article["id"], {})
        for kind in KINDS:
            pred = prediction.get(kind) or []
            errors.extend(_score_kind(kind, article, article[kind], pred, tallies[kind]))
    return Evaluation(
        quotes=tallies["quotes"].score("quotes"),
        meetings=tallies["meetings"].score("meetings"),
        demands=tallies["demands"].score("demands"),
        shipments=tallies["shipments"].score("shipments"),
        articles=len(articles),
        unpredicted=[a["id"] for a in articles if a["id"] not in by_id],
        errors=errors,
    )


# --------------------------------------------------------------------------- command line


class _Subparsers(Protocol):
    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...  # noqa: ANN401


def add_evaluate_parser(subparsers: _Subparsers) -> argparse.ArgumentParser:
    """Register the ``evaluate`` command on an `argparse` subparsers object.

    ``geonews evaluate GOLD.jsonl [--pred PRED.jsonl] [--show-errors]
    [--format text|json]``. The parser's ``handler`` default is `run_evaluate`.

    Examples:
        >>> parser = argparse.ArgumentParser(prog="geonews")
        >>> _ = add_evaluate_parser(parser.add_subparsers(dest="command"))
        >>> args = parser.parse_args(["evaluate", "gold.jsonl", "--format", "json"])
        >>> args.gold, args.pred, args.format, args.handler is run_evaluate
        ('gold.jsonl', None, 'json', True)
    """
    parser = subparsers.add_parser(
        "evaluate",
        help="score geonews (or given predictions) against gold annotations",
        description=(
            "Score geonews against annotated articles. Without --pred, parse each gold "
            "article and score the result."
        ),
    )
    parser.add_argument("gold", metavar="GOLD.jsonl", help="gold articles, one JSON a line")
    parser.add_argument(
        "--pred",
        metavar="PRED.jsonl",
        help="predictions: Article JSON lines with an 'id' (default: parse the gold texts)",
    )
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="list every missed, spurious and wrong-attribute item with its article id",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run_evaluate)
    return parser


def run_evaluate(args: argparse.Namespace) -> int:
    """Run ``geonews evaluate`` for parsed arguments; return the exit status.

    Bad input (a missing file, a line that is not JSON, a gold article that breaks
    the format) prints one line on standard error and returns 2.

    Examples:
        >>> args = argparse.Namespace(gold="no-such-gold.jsonl", pred=None,
        ...                           show_errors=False, format="text")
        >>> run_evaluate(args)  # "cannot read no-such-gold.jsonl: ..." on stderr
        2
    """
    try:
        result = evaluate(args.gold, args.pred)
    except OSError as error:
        where = error.filename if error.filename is not None else args.gold
        sys.stderr.write(f"geonews evaluate: error: cannot read {where}: {error.strerror}\n")
        return 2
    except (SchemaError, UnicodeDecodeError) as error:
        message = " ".join(str(error).split())
        sys.stderr.write(f"geonews evaluate: error: {message}\n")
        return 2
    if result.unpredicted:
        shown = ", ".join(result.unpredicted[:_SHOWN_IDS])
        if len(result.unpredicted) > _SHOWN_IDS:
            shown += ", ..."
        sys.stderr.write(
            f"geonews evaluate: warning: no prediction for {len(result.unpredicted)} "
            f"article(s), scored as empty: {shown}\n"
        )
    if args.format == "json":
        data = result.to_dict()
        if not args.show_errors:
            del data["errors"]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(result.to_text(show_errors=args.show_errors) + "\n")
    return 0
