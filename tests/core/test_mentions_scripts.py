"""Names written in other scripts inside English prose: found, typed, grouped with their
Latin spelling, cross-referenced. Sentences of our own, with public figures' names."""

from __future__ import annotations

import pytest
from test_mentions import entity_of

from newsreader import article
from newsreader.analysis import analyze_text
from newsreader.analysis.mention_runs import uncased_runs
from newsreader.analysis.service import Analyzer


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("On Monday Владимир Путин told reporters that the talks would go on.", "Владимир Путин"),
        (
            "Later Κυριάκος Μητσοτάκης spoke to the parliament in Athens about the budget.",
            "Κυριάκος Μητσοτάκης",
        ),
        ("The delegation was received by 习近平 in the afternoon, officials said.", "习近平"),
        ("A statement from محمد بن سلمان was read out at the summit on Tuesday.", "محمد بن سلمان"),
        ("Protesters chanted the name of בנימין נתניהו outside the court on Sunday.", "בנימין נתניהו"),
        ("State media said 김정은 had inspected the new factory on Friday.", "김정은"),
        ("The novelist キシダ・フミオ was interviewed by reporters after the prize.", "キシダ・フミオ"),
        ("Her agent, ヤマダ ハナコ, said the tour would start in the spring.", "ヤマダ ハナコ"),
    ],
    ids=["cyrillic", "greek", "han", "arabic", "hebrew", "hangul", "katakana-dot", "katakana-space"],
)
def test_a_name_in_another_script_is_a_person(sentence, surface):
    ent = entity_of(sentence, surface)
    assert ent.type == "person"
    start = sentence.index(surface)
    assert sentence[start : start + len(surface)] == surface  # offsets index the text as given


@pytest.mark.parametrize(
    ("sentence", "latin", "other"),
    [
        (
            "Russian President Vladimir Putin (Владимир Путин) said talks would go on.",
            "Vladimir Putin",
            "Владимир Путин",
        ),
        (
            "Chinese President Xi Jinping (习近平) met the delegation in the afternoon.",
            "Xi Jinping",
            "习近平",
        ),
        (
            "Crown Prince Mohammed bin Salman (محمد بن سلمان) arrived on Tuesday.",
            "Mohammed bin Salman",
            "محمد بن سلمان",
        ),
        (
            "The minister Kyriakos Mitsotakis (Κυριάκος Μητσοτάκης) spoke at length.",
            "Kyriakos Mitsotakis",
            "Κυριάκος Μητσοτάκης",
        ),
        (
            "Prime Minister Benjamin Netanyahu (בנימין נתניהו) addressed the parliament.",
            "Benjamin Netanyahu",
            "בנימין נתניהו",
        ),
        (
            "North Korean leader Kim Jong Un (김정은) inspected the new factory on Friday.",
            "Kim Jong Un",
            "김정은",
        ),
        (
            "Former Chancellor Angela Merkel (アンゲラ・メルケル) spoke in Tokyo on Monday.",
            "Angela Merkel",
            "アンゲラ・メルケル",
        ),
        (
            "The Russian leader Vladimir Putin (ウラジーミル・プーチン) was shown on the news.",
            "Vladimir Putin",
            "ウラジーミル・プーチン",
        ),
    ],
    ids=["cyrillic", "han", "arabic", "greek", "hebrew", "hangul", "katakana", "katakana-long"],
)
def test_a_name_in_another_script_joins_its_latin_spelling(sentence, latin, other):
    assert entity_of(sentence, latin) == entity_of(sentence, other)
    assert entity_of(sentence, other).name == latin


def test_a_katakana_name_stays_apart_from_another_latin_name():
    # Boris is read from ボリス, so the two are compared; the surnames differ
    text = "Boris Jansen, the Dutch coach, said he had never met ボリス・ジョンソン in person."
    assert entity_of(text, "Boris Jansen") != entity_of(text, "ボリス・ジョンソン")
    text = "Prime Minister Keir Starmer (ボリス・ジョンソン) answered questions in London."
    assert entity_of(text, "Keir Starmer") != entity_of(text, "ボリス・ジョンソン")


def test_a_short_form_in_another_script_joins_the_full_name():
    text = "Vladimir Putin arrived on Monday. Later Путин told reporters the talks were over."
    assert entity_of(text, "Путин") == entity_of(text, "Vladimir Putin")


def test_two_people_in_one_script_stay_apart():
    text = "On Monday 习近平 and 李强 met the delegation, officials said on Friday."
    assert entity_of(text, "习近平") != entity_of(text, "李强")
    text = "Later Путин spoke, and then Медведев answered the questions from reporters."
    assert entity_of(text, "Путин") != entity_of(text, "Медведев")


def test_a_sentence_in_another_script_is_no_name():
    text = (
        "The banner read نحن نريد السلام والعدالة لجميع الناس في هذه البلاد as crowds "
        "gathered in the square on Friday."
    )
    assert uncased_runs(text) == []
    assert not [e for e in analyze_text(text).entities if any(text[s] > "\u0600" for s, _ in e.mentions)]
    han = "The sign said 我们今天在这里讨论很多重要的问题 in large letters above the door."
    assert uncased_runs(han) == []


def test_text_in_that_script_is_left_alone():
    assert uncased_runs("习近平在北京会见了来访的代表团。") == []
    assert uncased_runs("قال محمد، إن الحكومة، ستعمل على حل المشكلة، وفق ما أفادت.") == []
    assert uncased_runs("岸田文雄は東京で記者会見を開いた。") == []  # Japanese: Han with Kana


def test_latin_text_has_no_such_runs():
    assert uncased_runs("President Xi Jinping met Kim Jong Un in Beijing.") == []


def test_a_big_place_in_another_script_is_a_place():
    text = "The flight from 北京 landed late on Friday, the airline told passengers."
    assert entity_of(text, "北京").type == "place"


def test_the_reference_list_knows_the_person():
    analyzer = Analyzer.from_options([])
    text = "Chinese President Xi Jinping (习近平) met the delegation in the afternoon, officials said."
    result = analyzer.analyze(article.from_text(text, "story.txt"))
    start = text.index("习近平")
    (ent,) = [e for e in result.entities if (start, start + 3) in e.mentions]
    assert ent.candidates and ent.candidates[0].name == "Xi Jinping"
    text = "Владимир Путин told reporters on Monday that the talks would go on."
    result = analyzer.analyze(article.from_text(text, "story.txt"))
    (ent,) = [e for e in result.entities if e.type == "person"]
    assert ent.candidates and ent.candidates[0].name == "Vladimir Putin"


def test_a_han_name_alone_is_looked_up():
    analyzer = Analyzer.from_options([])
    text = "The delegation was received by 习近平 in the afternoon, officials said."
    (ent,) = analyzer.analyze(article.from_text(text, "story.txt")).entities
    assert ent.name == "习近平"
    assert ent.candidates and ent.candidates[0].name == "Xi Jinping"


def test_the_reference_list_wins_over_the_person_vote(tmp_path):
    lst = tmp_path / "mine.csv"
    lst.write_text(
        "name,aliases,type,description\nHuawei,华为,organization,Chinese telecommunications company\n",
        encoding="utf-8",
    )
    analyzer = Analyzer.from_options([str(lst)], bundled=False)
    text = "Shares of 华为 suppliers fell on Monday after the new rules were announced."
    result = analyzer.analyze(article.from_text(text, "story.txt"))
    start = text.index("华为")
    (ent,) = [e for e in result.entities if (start, start + 2) in e.mentions]
    assert ent.type == "organization"
