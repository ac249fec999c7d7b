"""Where each movement key takes the cursor, checked without a terminal."""

from __future__ import annotations

from newsreader.analysis.model import Analysis, Entity, Quote
from newsreader.ui.jumps import JumpList
from newsreader.ui.navigation import HIT, MENTION, QUOTE, MentionIndex, Navigator, Target
from newsreader.ui.search import find

TEXT = "Ann met Bob. Bob said “hello there” to Ann. Later Ann left, and Bob stayed."


def spans(word: str) -> tuple[tuple[int, int], ...]:
    out, start = [], TEXT.find(word)
    while start != -1:
        out.append((start, start + len(word)))
        start = TEXT.find(word, start + 1)
    return tuple(out)


ANN = Entity("e1", "Ann", "person", spans("Ann"))
BOB = Entity("e2", "Bob", "person", spans("Bob"))
QUOTE_START = TEXT.index("“")
HELLO = Quote(
    QUOTE_START, TEXT.index("”") + 1, "e2", "said", "after", "statement", speaker_span=spans("Bob")[1]
)
ANALYSIS = Analysis(entities=(ANN, BOB), quotes=(HELLO,))


def navigator() -> Navigator:
    return Navigator(TEXT, ANALYSIS)


def test_next_and_previous_mention_visit_all_in_text_order_and_wrap() -> None:
    nav = navigator()
    starts = sorted(s for s, _ in ANN.mentions + BOB.mentions)
    visited = [nav.next_mention().start for _ in starts]
    assert visited == starts
    assert nav.next_mention().start == starts[0]
    assert nav.wrapped
    assert nav.previous_mention().start == starts[-1]


def test_next_same_follows_the_entity_with_a_count_and_wraps() -> None:
    nav = navigator()
    nav.next_mention()  # the first Ann
    seen = []
    for _ in ANN.mentions:
        seen.append((nav.cursor.start, nav.describe()))
        nav.next_same()
    assert [s for s, _ in seen] == [s for s, _ in ANN.mentions]
    assert [d for _, d in seen] == ["Ann · person · 1/3", "Ann · person · 2/3", "Ann · person · 3/3"]
    assert nav.cursor.start == ANN.mentions[0][0]
    assert nav.describe() == "Ann · person · 1/3 (wrapped)"
    assert nav.previous_same().start == ANN.mentions[-1][0]


def test_following_an_entity_without_moving_changes_what_n_visits() -> None:
    nav = navigator()
    nav.next_mention()
    nav.follow("e2")
    assert nav.next_same() == Target(*BOB.mentions[0], MENTION, "e2")


def test_speaker_uses_the_recorded_span_and_is_a_jump() -> None:
    nav = navigator()
    quote = nav.to_quote(0)
    assert quote == Target(HELLO.start, HELLO.end, QUOTE, "e2", 0)
    speaker = nav.to_speaker()
    assert speaker is not None and TEXT[speaker.start : speaker.end] == "Bob"
    assert speaker.start == HELLO.speaker_span[0]
    assert nav.back() == quote
    assert nav.forward() == speaker


def test_speaker_without_a_span_is_the_nearest_mention() -> None:
    quote = Quote(QUOTE_START, TEXT.index("”") + 1, "e1", "said", "before", "statement")
    nav = Navigator(TEXT, Analysis(entities=(ANN, BOB), quotes=(quote,)))
    target = nav.to_speaker(0)
    assert target is not None and target.start == TEXT.index("Ann", TEXT.index("”"))


def test_a_mention_inside_a_quote_counts_as_on_the_quote() -> None:
    nav = navigator()
    nav.go_to(Target(QUOTE_START + 2, QUOTE_START + 5, HIT))
    assert nav.quote_here() == 0
    nav.go_to(Target(0, 3, MENTION, "e1"))
    assert nav.quote_here() is None


def test_search_is_smart_case_counts_hits_and_n_steps_through_them() -> None:
    nav = navigator()
    assert nav.find("ann") == 3
    assert nav.cursor == Target(*ANN.mentions[0], HIT)
    assert nav.describe() == "/ann  1/3"
    nav.next_same()
    assert nav.describe() == "/ann  2/3"
    assert find(TEXT, "ANN").spans == ()
    assert nav.clear_search()
    nav.go_to(Target(*ANN.mentions[1], MENTION, "e1"))
    assert nav.next_same().start == ANN.mentions[2][0]


def test_no_match_leaves_the_cursor_alone() -> None:
    nav = navigator()
    nav.next_mention()
    before = nav.cursor
    assert nav.find("zebra") == 0
    assert nav.cursor == before and nav.search is None


def test_mention_index_lookups() -> None:
    index = MentionIndex((ANN, BOB))
    assert index.at(ANN.mentions[1][0] + 1).entity_id == "e1"
    assert index.at(3) is None
    last = index.of_entity("e2")[-1]
    assert index.rank(last) == (3, 3)
    assert index.after(len(TEXT)) == index.mentions[0]


def test_jump_list_walks_back_and_forward_like_a_browser() -> None:
    jumps: JumpList[str] = JumpList()
    jumps.record("a")
    jumps.record("b")
    assert jumps.back("c") == "b"
    assert jumps.back("b") == "a"
    assert jumps.back("a") is None
    assert jumps.forward() == "b"
    assert jumps.forward() == "c"
    assert jumps.forward() is None
    jumps.back("c")
    jumps.record("b")  # a new jump from b drops c
    assert jumps.back("d") == "b"
    assert jumps.forward() == "d"
    assert jumps.forward() is None
