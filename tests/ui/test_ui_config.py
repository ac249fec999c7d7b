"""Settings and keymaps: nothing a user writes is fatal, and every problem is reported."""

from __future__ import annotations

from pathlib import Path

from newsreader import config
from newsreader.ui import keymap, keys


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_no_file_means_defaults(tmp_path: Path) -> None:
    assert config.load(tmp_path / "missing.toml") == config.Config()


def test_the_folder_can_be_moved_with_an_environment_variable(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(tmp_path))
    write(tmp_path, 'theme = "light"\n')
    assert config.load().theme == "light"
    assert config.themes_dir() == tmp_path / "themes"


def test_theme_and_keys_are_read(tmp_path: Path) -> None:
    settings = config.load(write(tmp_path, 'theme = "mono"\n[keys]\nnext_mention = "l"\n'))
    assert settings.theme == "mono"
    assert settings.keys == {"next_mention": "l"}
    assert settings.problems == ()


def test_reference_lists_are_read_with_the_home_folder_expanded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    settings = config.load(write(tmp_path, 'references = ["~/lists/pep.csv", "/srv/ours.csv"]\n'))
    assert settings.references == (str(tmp_path / "lists" / "pep.csv"), "/srv/ours.csv")
    bad = config.load(write(tmp_path, 'references = "one.csv"\n'))
    assert bad.references == () and "references must be a list" in bad.problems[0]


def test_broken_toml_is_reported_not_raised(tmp_path: Path) -> None:
    settings = config.load(write(tmp_path, "theme = \n"))
    assert settings.theme is None
    assert "not valid TOML" in settings.problems[0]


def test_wrong_types_and_unknown_settings_are_reported(tmp_path: Path) -> None:
    settings = config.load(write(tmp_path, 'theme = 3\ncolour = "red"\n[keys]\nquit = 5\nhelp = "h"\n'))
    assert settings.theme is None
    assert settings.keys == {"help": "h"}
    assert len(settings.problems) == 3
    assert any("unknown setting 'colour'" in p for p in settings.problems)


def test_keymap_keeps_good_keys_and_names_bad_ones() -> None:
    good, problems = keymap.check_keymap(
        {"next_mention": "l", "jump_back": "ctrl+o,backspace", "quit": "ctrl+hyperspace", "fly": "f"}
    )
    assert good == {"next_mention": "l", "jump_back": "ctrl+o,backspace"}
    assert problems == [
        "unknown key name 'ctrl+hyperspace' for quit; keeping the default",
        "unknown action 'fly' in [keys]",
    ]


def test_key_names_textual_can_report_are_valid() -> None:
    for key in ("]", "right_square_bracket", "question_mark", "f5", "shift+tab", "alt+left", "N", "space"):
        assert keymap.is_valid_key(key), key
    for key in ("", "ctrl+", "hyperdrive+x", "hyperspace", "ctrl+hyperspace"):
        assert not keymap.is_valid_key(key), key


def test_every_binding_has_an_id_and_a_help_line() -> None:
    for binding in keys.ALL:
        assert binding.id, binding
        assert binding.tooltip, binding.id
    listed = {b.id for _, bindings in keys.HELP_SECTIONS for b in bindings}
    assert keys.binding_ids() - listed == {"close_help", "cancel_search"}
