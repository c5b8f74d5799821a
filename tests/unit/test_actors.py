"""Actors: recognition of people, organizations, countries and sources, and coreference."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from hypothesis import example, given

import geonews
from geonews._internal import actors
from geonews._internal.actors import find_actors
from geonews._internal.document import Document
from tests.strategies import article_text


def _actors(text: str) -> dict[str, geonews.Actor]:
    actors, _ = find_actors(Document(text))
    return {a.name: a for a in actors}


def _mentions_of(text: str, name: str) -> list[str]:
    actor = _actors(text)[name]
    return [text[s.start : s.end] for s in actor.mentions]


def _example() -> geonews.Article:
    data = json.loads(files("geonews").joinpath("_data", "example.json").read_text("utf-8"))
    return geonews.parse_article(data["text"], published=data["published"])


def test_example_article_lists_each_main_actor_once_with_full_names() -> None:
    article = _example()
    names = [a.name for a in article.actors]
    for name in (
        "Antony Blinken",
        "Sergey Lavrov",
        "Kalle Laanet",
        "John Kirby",
        "Liz Truss",
        "Nato",
        "Russia",
        "Ukraine",
        "United States",
    ):
        assert names.count(name) == 1, name
    blinken = next(a for a in article.actors if a.name == "Antony Blinken")
    assert blinken.title is not None
    assert "secretary of state" in blinken.title
    assert blinken.country == "United States"
    assert blinken.kind is geonews.ActorKind.PERSON
    # every "Mr Blinken" of the article is a mention of Antony Blinken
    text = article.text
    spans = {(s.start, s.end) for s in blinken.mentions}
    start = text.find("Mr Blinken")
    assert start >= 0
    while start >= 0:
        assert (start, start + len("Mr Blinken")) in spans
        start = text.find("Mr Blinken", start + 1)


@pytest.mark.parametrize(
    ("text", "name", "title", "country"),
    [
        (
            "Estonian defence minister Kalle Laanet said the aid would help.",
            "Kalle Laanet",
            "Estonian defence minister",
            "Estonia",
        ),
        (
            "Pentagon press secretary John Kirby told reporters the drill was routine.",
            "John Kirby",
            "Pentagon press secretary",
            "United States",
        ),
        (
            "British foreign minister Liz Truss will travel to Moscow.",
            "Liz Truss",
            "British foreign minister",
            "United Kingdom",
        ),
        (
            "Prime Minister Boris Johnson spoke to reporters.",
            "Boris Johnson",
            "Prime Minister",
            None,
        ),
        (
            "Maria Lopez, the Spanish foreign minister, said talks were over.",
            "Maria Lopez",
            "Spanish foreign minister",
            "Spain",
        ),
    ],
)
def test_people_with_titles_and_nationality(
    text: str, name: str, title: str, country: str | None
) -> None:
    actor = _actors(text)[name]
    assert actor.kind is geonews.ActorKind.PERSON
    assert actor.title == title
    assert actor.country == country


def test_surnames_honorifics_pronouns_and_descriptions_link_to_one_person() -> None:
    text = (
        "US secretary of state Antony Blinken met Russian foreign minister Sergey Lavrov "
        "in Geneva. The American diplomat said the talks were useful. Mr Blinken told "
        "Mr Lavrov that Washington would reply. Blinken said he was hopeful."
    )
    assert _mentions_of(text, "Antony Blinken") == [
        "US secretary of state Antony Blinken",
        "The American diplomat",
        "Mr Blinken",
        "Blinken",
        "he",
    ]
    assert _mentions_of(text, "Sergey Lavrov") == [
        "Russian foreign minister Sergey Lavrov",
        "Mr Lavrov",
    ]


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = "Ms Truss met Mr Lavrov in Moscow. He said the meeting was frank."
    assert _mentions_of(text, "Lavrov") == ["Mr Lavrov", "He"]
    assert _mentions_of(text, "Truss") == ["Ms Truss"]


def test_a_capital_as_subject_stands_for_its_country_but_not_after_in() -> None:
    text = "Moscow wants guarantees. Talks were held in Moscow. Kyiv rejected them."
    actors = _actors(text)
    assert _mentions_of(text, "Russia") == ["Moscow"]
    assert _mentions_of(text, "Ukraine") == ["Kyiv"]
    assert actors["Russia"].kind is geonews.ActorKind.COUNTRY


def test_country_names_short_forms_and_governments_are_one_country() -> None:
    text = (
        "The US and America's allies agreed. The American government said Washington "
        "would act, and the U.S. Treasury followed."
    )
    mentions = _mentions_of(text, "United States")
    assert mentions[:3] == ["US", "America", "American government"]
    assert "Washington" in mentions


def test_organizations_known_and_by_their_head_noun() -> None:
    text = (
        "Nato and the EU met. The US embassy in Kyiv tweeted photos. Russia's foreign "
        "ministry did not respond, and the Foreign Ministry of Japan declined."
    )
    actors = _actors(text)
    assert actors["Nato"].kind is geonews.ActorKind.ORGANIZATION
    assert actors["European Union"].kind is geonews.ActorKind.ORGANIZATION
    embassy = actors["US embassy in Kyiv"]
    assert embassy.kind is geonews.ActorKind.ORGANIZATION
    assert embassy.country == "United States"
    assert actors["Russia's foreign ministry"].country == "Russia"
    assert "Foreign Ministry of Japan" in actors


def test_unnamed_sources_are_actors_of_kind_source_and_its_source_links_back() -> None:
    text = (
        "The visit was agreed, RIA reported, citing a diplomatic source. "
        "RIA quoted its source as saying so. Officials declined to comment, "
        "and senior US officials said nothing."
    )
    actors = _actors(text)
    source = actors["a diplomatic source"]
    assert source.kind is geonews.ActorKind.SOURCE
    assert [text[s.start : s.end] for s in source.mentions] == [
        "a diplomatic source",
        "its source",
    ]
    assert actors["senior US officials"].kind is geonews.ActorKind.SOURCE


def test_no_person_is_guessed_for_a_pronoun_with_no_antecedent() -> None:
    actors, mentions = find_actors(Document("He said it would rain."))
    assert actors == ()
    assert mentions == []


@given(article_text)
def test_mentions_are_sorted_inside_the_text_and_point_to_an_actor(text: str) -> None:
    actors, mentions = find_actors(Document(text))
    starts = [m.span.start for m in mentions]
    assert starts == sorted(starts)
    for m in mentions:
        assert 0 <= m.span.start <= m.head.start <= m.head.end <= m.span.end <= len(text)
        assert 0 <= m.actor < len(actors)
    for actor in actors:
        assert actor.mentions
        assert actor.name


def test_an_appositive_title_without_article_belongs_to_the_person() -> None:
    text = "Nunzio Galantino, secretary general of the bishops, disagreed. Galantino left."
    actor = _actors(text)["Nunzio Galantino"]
    assert actor.title == "secretary general"
    assert len(actor.mentions) == 2
    # the appositive's words are not mentions of their own
    assert set(_actors("John Kirby, a Pentagon spokesman, said so.")) == {"John Kirby"}


def test_a_possessive_is_not_part_of_a_name_but_an_inner_apostrophe_is() -> None:
    text = "President Joe Biden’s trip was short. Sean O'Brien said so. Biden's aides agreed."
    actors = _actors(text)
    assert _mentions_of(text, "Joe Biden") == ["President Joe Biden", "Biden"]
    assert "Sean O'Brien" in actors


def test_a_word_that_is_both_modifier_and_head_can_end_a_title() -> None:
    text = "Departing UN chief Kofi Annan left. Annan, who visited Sierra Leone, said so."
    annan = _actors(text)["Kofi Annan"]
    assert annan.title == "UN chief"
    assert len(annan.mentions) == 2
    assert _actors("Chief negotiator Saeb Erekat said no.")["Saeb Erekat"].title == (
        "Chief negotiator"
    )


def test_a_subject_pronoun_stays_salient_for_the_next_sentence() -> None:
    text = "Last Thursday Mr Orban met Donald Trump at his home. He also visited Kyiv."
    assert _mentions_of(text, "Orban") == ["Mr Orban", "He"]


def test_sources_keep_the_country_of_their_nationality() -> None:
    assert _actors("South Korean officials said it.")["South Korean officials"].country == (
        "South Korea"
    )


def test_name_particles_stay_inside_the_name() -> None:
    assert "Daniel arap Moi" in _actors("President Daniel arap Moi said no.")


def test_a_pronoun_skips_the_object_of_a_preposition_in_its_sentence() -> None:
    text = "House Speaker Nancy Pelosi wrote. In a letter to Trump, she demanded answers."
    assert _mentions_of(text, "Nancy Pelosi") == ["Speaker Nancy Pelosi", "she"]
    assert _actors(text)["Nancy Pelosi"].title == "Speaker"


def test_titles_and_regions_are_not_names_or_countries() -> None:
    text = "At the Lord Mayor's Banquet, Tony Blair said so. He urged calm in Latin America."
    actors = _actors(text)
    assert set(actors) == {"Tony Blair"}
    assert _mentions_of(text, "Tony Blair") == ["Tony Blair", "He"]


# Words and joints where the start pre-checks of find_actors must stay exact: hyphens and
# apostrophes that continue a word, multi-word and dotted gazetteer forms, titles that
# open with a gazetteer word, source determiners, honorifics and particles.
_TRICKY = (
    "the", "The", "a", "other", "high-ranking", "officials", "U.S.", "US", "United", "States",
    "Russia", "Russia's", "Russian", "Russians", "Saudi-led", "Italian-led", "Senate-passed",
    "Senate", "Foreign", "Ministry", "of", "Defence", "secretary-general", "secretary", "state",
    "minister", "Minister", "Sergey", "Lavrov", "O'Brien", "al-Assad", "Bashar", "New", "York",
    "Kyiv", "in", "Mr", "he", "company", "source", "January", "But", "Bank", "Congress-led",
    "Washington", "von", "spokesman",
)  # fmt: skip


def _every_pattern(cls: str, *_: object) -> tuple[str, ...]:
    """`_pattern_for` without its pre-checks: every start word tries its whole class."""
    return actors._BY_CLASS[cls]


@pytest.mark.parametrize("first", _TRICKY)
def test_start_prechecks_never_lose_a_mention(first: str) -> None:
    texts = [
        template.format(first, second)
        for second in _TRICKY
        for template in ("{} {} said.", "It was, said {} {}, over.", "{} {}, the minister, said")
    ]
    with_checks = [find_actors(Document(text)) for text in texts]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(actors, "_pattern_for", _every_pattern)
        assert [find_actors(Document(text)) for text in texts] == with_checks


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The Senate-passed bill went to the House.", "Senate"),
        ("Soldiers patrol the Saudi-led coalition's border.", "the Saudi"),
        ("The secretary-general urged calm, said Conor O'Brien.", "Conor O'Brien"),
        ("He met other high-ranking officials in Kyiv.", "other high-ranking officials"),
        ("U.S. Trade Representative Carla Hills said so.", "U.S. Trade Representative Carla Hills"),
        ("Syrian President Bashar al-Assad said no.", "Syrian President Bashar al-Assad"),
    ],
)
def test_start_prechecks_keep_mentions_behind_hyphens_apostrophes_and_dots(
    text: str, mention: str
) -> None:
    _, mentions = find_actors(Document(text))
    assert mention in [text[m.span.start : m.span.end] for m in mentions]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("U.S. officials said talks would go on.", "U.S. officials", "United States"),
        ("Russian diplomats told reporters the talks had failed.", "Russian diplomats", "Russia"),
        ("Two senior U.S. officials said so.", "Two senior U.S. officials", "United States"),
    ],
)
def test_a_nation_before_a_source_noun_is_the_source_s_country_not_a_separate_actor(
    text: str, name: str, country: str
) -> None:
    actors = _actors(text)
    assert list(actors) == [name]
    assert actors[name].kind is geonews.ActorKind.SOURCE
    assert actors[name].country == country


@pytest.mark.parametrize("dash", ["\u2014", "\u2015", " \u2014 "])
def test_an_em_dash_ends_a_name(dash: str) -> None:
    text = f"President Xi Jinping will meet US President Joe Biden{dash}the two last met in Bali."
    assert _mentions_of(text, "Joe Biden") == ["US President Joe Biden"]


def test_a_long_sentence_of_pronouns_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # every "she" looked through every "he" before it: quadratic on one long sentence
    looked = []
    governed = actors._Linker._governed

    def counting(self: actors._Linker, cand: object) -> bool:
        looked.append(cand)
        return governed(self, cand)  # type: ignore[arg-type]

    monkeypatch.setattr(actors._Linker, "_governed", counting)
    for units in (100, 400):
        looked.clear()
        text = "President Tomas Weller said " + "he and she and " * units + "they left."
        found = _actors(text)
        assert [m.start for m in found["Tomas Weller"].mentions][:2] == [0, 28]
        assert len(looked) <= 2 * units + 2  # about one look per person, not per pair


def test_the_minister_is_the_latest_person_whose_title_fits() -> None:
    text = (
        "Foreign Minister Anna Berg met General Tomas Weller and Colonel Piet Smit. "
        "The minister said the talks went well."
    )
    assert _mentions_of(text, "Anna Berg") == ["Foreign Minister Anna Berg", "The minister"]


@given(text=article_text)
@example(text="Mr Weller met Mr O'Brien. Weller and O'Brien's aide, Wellers, left; Weller-Smith")
def test_surnames_found_by_one_scan_or_by_find_alike(text: str) -> None:
    # each way forced in turn: the scan (any surname) and the str.find passes (none)
    doc = Document(text)
    original = actors._FIND_SURNAMES
    try:
        actors._FIND_SURNAMES = 0  # type: ignore[misc]
        by_scan = find_actors(doc)
        actors._FIND_SURNAMES = 10**9  # type: ignore[misc]
        by_find = find_actors(doc)
    finally:
        actors._FIND_SURNAMES = original  # type: ignore[misc]
    assert by_scan == by_find
