"""The front door: `newsreader --theme NAME` and the user's own themes and settings."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsreader.article import from_text
from newsreader.ui import launch
from newsreader.ui.app import ReaderApp


def args(**overrides: object) -> argparse.Namespace:
    values = {"theme": None, "references": [], "no_bundled": False, "store": None, **overrides}
    return argparse.Namespace(**values)


def test_an_unknown_theme_is_one_line_and_status_two(capsys) -> None:
    assert launch.run(from_text("Some text."), args(theme="neon")) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsreader: unknown theme 'neon' (available: ")
    assert "mono" in err and err.count("\n") == 1


async def test_user_themes_load_and_a_broken_one_is_reported(tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config"
    (config / "themes").mkdir(parents=True)
    (config / "themes" / "sepia.toml").write_text(
        'name = "sepia"\ndark = false\n[colors]\nprimary = "#704214"\n', encoding="utf-8"
    )
    (config / "themes" / "broken.toml").write_text('name = "broken"\n[colors]\nprimary = "nope"\n')
    (config / "config.toml").write_text('theme = "sepia"\n[keys]\nnext_mention = "l"\n')
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(config))

    from newsreader import config as settings

    app = ReaderApp(from_text("Some text."), config=settings.load())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "sepia"
        assert "broken" not in app.available_themes
        assert any("broken.toml" in n.message and "skipped" in n.message for n in app._notifications)
        assert app.keymap == {"next_mention": "l"}
