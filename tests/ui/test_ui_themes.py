"""Theme files: the bundled four load, broken ones are reported and skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader import resources
from newsreader.ui import themes

BUNDLED = resources.bundled_dir("themes")


def test_the_bundled_themes_load_and_set_every_mention_colour() -> None:
    loaded = themes.load_dirs([BUNDLED])
    assert loaded.problems == []
    by_name = {t.name: t for t in loaded.themes}
    assert set(by_name) == {"dark", "light", "high-contrast", "mono"}
    for theme in by_name.values():
        colours = {k for k in theme.variables if k.startswith("mention-") and not k.endswith("-style")}
        assert colours == {k for k in themes.MENTION_VARIABLES if not k.endswith("-style")}, theme.name


def test_the_monochrome_theme_gives_every_type_the_same_colour() -> None:
    mono = themes.load_file(BUNDLED / "mono.toml")
    colours = {mono.variables[f"mention-{t}"] for t in themes.TYPE_NAMES}
    assert colours == {"ansi_default"}
    assert mono.ansi


def test_types_differ_by_cue_alone_and_marks_add_a_cue_no_type_uses() -> None:
    defaults = themes.variable_defaults(themes.Theme("t", primary="#000000"))
    cues = [set(defaults[f"mention-{t}-style"].split()) for t in themes.TYPE_NAMES]
    assert len({frozenset(c) for c in cues}) == len(cues)
    used = set().union(*cues)
    assert not set(defaults["mention-marked-style"].split()) & used
    assert not set(defaults["mention-current-style"].split()) & used


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('name = "x"\n[colors]\nprimary = "not-a-colour"\n', "is not a colour"),
        ('name = "x"\n[colors]\nprimary = "#fff"\n[variables]\nmention-person = "bold"\n', "is not a colour"),
        (
            'name = "x"\n[colors]\nprimary = "#fff"\n[variables]\nmention-person-style = "shiny"\n',
            "text style",
        ),
        ('[colors]\nprimary = "#fff"\n', "needs a name"),
        ('name = "x"\n', "primary is required"),
        ('name = "x"\nshade = 1\n[colors]\nprimary = "#fff"\n', "unknown field"),
        ("name = ", "not valid TOML"),
    ],
)
def test_a_broken_theme_is_reported_and_skipped(tmp_path: Path, body: str, reason: str) -> None:
    (tmp_path / "broken.toml").write_text(body, encoding="utf-8")
    (tmp_path / "fine.toml").write_text('name = "fine"\n[colors]\nprimary = "#123456"\n', encoding="utf-8")
    loaded = themes.load_dirs([tmp_path])
    assert [t.name for t in loaded.themes] == ["fine"]
    assert len(loaded.problems) == 1
    assert "broken.toml" in loaded.problems[0] and reason in loaded.problems[0]


def test_choosing_the_theme() -> None:
    names = ["dark", "mono", "light"]
    assert themes.choose("light", "mono", names, no_color=True) == ("light", [])
    assert themes.choose(None, "mono", names, no_color=False) == ("mono", [])
    assert themes.choose(None, None, names, no_color=True) == ("mono", [])
    assert themes.choose(None, None, names, no_color=False) == ("dark", [])
    name, problems = themes.choose(None, "neon", names, no_color=False)
    assert name == "dark" and "unknown theme 'neon'" in problems[0]
