"""The article view redraws only what changed, and shows mentions by cue as well as colour."""

from __future__ import annotations

from newsreader.analysis.model import Analysis, Entity
from newsreader.article import from_text

PARAGRAPHS = [
    "Ann Lee met Bob Ray of Acme in Paris.",
    "Ann Lee spoke to the French press.",
    "Bob Ray stayed in Paris with Acme.",
    "Nothing to see in this line at all.",
    "Ann Lee and the French left.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def entity(entity_id: str, name: str, entity_type: str) -> Entity:
    starts, start = [], TEXT.find(name)
    while start != -1:
        starts.append((start, start + len(name)))
        start = TEXT.find(name, start + 1)
    return Entity(entity_id, name, entity_type, tuple(starts))


ANN = entity("e1", "Ann Lee", "person")
BOB = entity("e2", "Bob Ray", "person")
ACME = entity("e3", "Acme", "organization")
PARIS = entity("e4", "Paris", "place")
FRENCH = entity("e5", "French", "group")
ANALYSIS = Analysis(entities=(ANN, BOB, ACME, PARIS, FRENCH))


def spy_on_lines(view) -> list[int]:
    """Record which display lines the view renders from now on."""
    rendered: list[int] = []
    original = view.highlights.runs

    def runs(start: int, end: int):
        rendered.append(view.wrapped.line_of(start))
        return original(start, end)

    view.highlights.runs = runs
    return rendered


def styles_by_word(view, line: int) -> dict[str, object]:
    return {segment.text: segment.style for segment in view.render_line(line) if segment.text.strip()}


async def test_moving_within_an_entity_redraws_only_the_old_and_new_cursor_lines(started, make_app) -> None:
    app = make_app(from_text(TEXT), ANALYSIS)
    async with started(app, size=(120, 30)) as pilot:
        view = app.reader.article_view
        await pilot.press("right_square_bracket")
        rendered = spy_on_lines(view)
        await pilot.press("n")
        assert sorted(set(rendered)) == [view.line_of(ANN.mentions[0][0]), view.line_of(ANN.mentions[1][0])]


async def test_following_another_entity_redraws_only_lines_showing_either(started, make_app) -> None:
    app = make_app(from_text(TEXT), ANALYSIS)
    async with started(app, size=(120, 30)) as pilot:
        view = app.reader.article_view
        await pilot.press("right_square_bracket")  # Ann Lee
        rendered = spy_on_lines(view)
        await pilot.press("right_square_bracket")  # Bob Ray
        expected = {view.line_of(s) for s, _ in ANN.mentions + BOB.mentions}
        assert set(rendered) == expected
        assert view.line_of(TEXT.index("Nothing")) not in rendered


async def test_a_theme_change_redraws_with_the_new_colours(started, make_app) -> None:
    app = make_app(from_text(TEXT), ANALYSIS)
    async with started(app, size=(120, 30)) as pilot:
        view = app.reader.article_view
        before = styles_by_word(view, 0)
        app.theme = "light"
        await pilot.pause()
        after = styles_by_word(view, 0)
        assert before.keys() == after.keys()
        assert before["Ann Lee"].color != after["Ann Lee"].color


async def test_the_monochrome_theme_tells_types_apart_by_cue_alone(started, make_app) -> None:
    app = make_app(from_text(TEXT), ANALYSIS, theme="mono")
    async with started(app, size=(120, 30)) as pilot:
        view = app.reader.article_view
        await pilot.press("right_square_bracket")  # the cursor on the first Ann Lee
        first = styles_by_word(view, 0)
        assert first["Ann Lee"].reverse and first["Ann Lee"].bold
        assert first["Bob Ray"].bold and not first["Bob Ray"].italic
        assert first["Acme"].bold and first["Acme"].italic
        assert first["Paris"].italic and not first["Paris"].bold
        second = styles_by_word(view, view.line_of(ANN.mentions[1][0]))
        assert second["Ann Lee"].underline and not second["Ann Lee"].reverse  # followed, not current
        assert second["French"].dim
        colours = {first[w].color for w in ("Bob Ray", "Acme", "Paris")}
        assert len(colours) == 1  # no colour difference at all


async def test_the_status_line_says_how_far_down_the_view_is(started, make_app) -> None:
    app = make_app(from_text("\n\n".join(PARAGRAPHS * 12)), ANALYSIS)
    async with started(app, size=(80, 24)) as pilot:
        position = app.reader.query_one("#position")
        assert str(position.render()) == "Top"
        await pilot.press("pagedown")
        assert str(position.render()).endswith("%")
        await pilot.press("G")
        assert str(position.render()) == "Bot"
    short = make_app(from_text(TEXT), ANALYSIS)
    async with started(short, size=(120, 30)):
        assert str(short.reader.query_one("#position").render()) == "All"
