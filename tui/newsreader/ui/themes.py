"""Themes as data: `themes/*.toml` (bundled) and the user's, turned into Textual themes.

```toml
name = "dark"
dark = true
[colors]        # Textual's base colours: primary (required), secondary, accent, ...
primary = "#4aa3df"
[variables]     # any Textual variable, and the reader's own (see `MENTION_VARIABLES`)
mention-person = "#f2b25c"
mention-person-style = "bold"
```

Every colour is checked with `Color.parse` and every style with Textual's style flags
before the theme is registered, so a broken file is reported and skipped instead of
failing when the stylesheet is built.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from textual.color import Color, ColorParseError
from textual.css.constants import VALID_STYLE_FLAGS
from textual.theme import Theme

from newsreader.analysis.model import ENTITY_TYPES, GROUP, ORGANIZATION, OTHER, PERSON, PLACE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found]

DEFAULT_THEME = "dark"
NO_COLOR_THEME = "mono"  # relies on bold / italic / underline, not colour
COLOR_FIELDS: tuple[str, ...] = ("primary", "secondary", "warning", "error", "success", "accent")
COLOR_FIELDS += ("foreground", "background", "surface", "panel", "boost")
TYPE_NAMES = (*ENTITY_TYPES, OTHER)  # "other": a name of no entity type is styled too


def variable_defaults(theme: Theme) -> dict[str, str]:
    """The reader's variables for a theme that does not set them (Textual's own themes).

    The cues (second halves) keep mention types apart without colour: person bold,
    organisation bold italic, place italic, group dim, other dim italic; the followed
    entity's mentions are underlined and the cursor is reversed.
    """
    colors = {
        PERSON: theme.warning or theme.accent or theme.primary,
        ORGANIZATION: theme.accent or theme.primary,
        PLACE: theme.success or theme.primary,
        GROUP: theme.secondary or theme.primary,
        OTHER: theme.primary,
    }
    cues = {
        PERSON: "bold",
        ORGANIZATION: "bold italic",
        PLACE: "italic",
        GROUP: "dim",
        OTHER: "dim italic",
    }
    variables = {f"mention-{name}": colors[name] for name in TYPE_NAMES}
    variables.update({f"mention-{name}-style": cues[name] for name in TYPE_NAMES})
    variables.update(
        {
            # Textual's CSS needs these for any theme with `ansi = true`
            "ansi-background": "ansi_default",
            "ansi-foreground": "ansi_default",
            "mention-marked-background": f"{theme.primary} 35%",
            "mention-marked-style": "underline",
            "mention-current-style": "reverse",
        }
    )
    return variables


MENTION_VARIABLES = frozenset(
    name for name in variable_defaults(Theme("x", primary="#000000")) if name.startswith("mention-")
)


class ThemeError(ValueError):
    """A theme file that cannot be used; `str()` says why."""


class UnknownTheme(ValueError):
    """`--theme` named a theme that does not exist."""

    def __init__(self, name: str, available: list[str]) -> None:
        super().__init__(f"unknown theme {name!r} (available: {', '.join(available)})")


class LoadedThemes(NamedTuple):
    themes: list[Theme]
    problems: list[str]


def load_dirs(dirs: Iterable[Path]) -> LoadedThemes:
    """Every `*.toml` in `dirs`, in order (a later theme of the same name wins)."""
    themes: list[Theme] = []
    problems: list[str] = []
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                themes.append(load_file(path))
            except ThemeError as err:
                problems.append(f"theme {path}: {err}; skipped")
    return LoadedThemes(themes, problems)


def load_file(path: Path) -> Theme:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ThemeError(f"cannot be read ({err})") from None
    except tomllib.TOMLDecodeError as err:
        raise ThemeError(f"not valid TOML ({err})") from None
    return parse(data)


def parse(data: dict[str, Any]) -> Theme:
    unknown = set(data) - {"name", "dark", "ansi", "colors", "variables"}
    if unknown:
        raise ThemeError(f"unknown field {sorted(unknown)[0]!r}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeError("needs a name")
    colors = _table(data, "colors")
    variables = _table(data, "variables")
    for field_name in ("dark", "ansi"):
        if not isinstance(data.get(field_name, False), bool):
            raise ThemeError(f"{field_name} must be true or false")
    bad_fields = set(colors) - set(COLOR_FIELDS)
    if bad_fields:
        raise ThemeError(f"unknown colour {sorted(bad_fields)[0]!r}")
    if "primary" not in colors:
        raise ThemeError("colors.primary is required")
    for key, value in colors.items():
        if not _is_color(value):
            raise ThemeError(f"colors.{key}: {value!r} is not a colour")
    for key, value in variables.items():
        if key in MENTION_VARIABLES:
            wants_style = key.endswith("-style")
            if not (_is_style(value) if wants_style else _is_color(value)):
                wanted = "text style" if wants_style else "colour"
                raise ThemeError(f"variables.{key}: {value!r} is not a {wanted}")
        elif not (_is_style(value) or _is_color(value)):  # a failed Color.parse is slow
            raise ThemeError(f"variables.{key}: {value!r} is neither a colour nor a text style")
    return Theme(
        name=name.strip(),
        dark=data.get("dark", True),
        ansi=data.get("ansi", False),
        variables=variables,
        primary=colors["primary"],
        secondary=colors.get("secondary"),
        warning=colors.get("warning"),
        error=colors.get("error"),
        success=colors.get("success"),
        accent=colors.get("accent"),
        foreground=colors.get("foreground"),
        background=colors.get("background"),
        surface=colors.get("surface"),
        panel=colors.get("panel"),
        boost=colors.get("boost"),
    )


def choose(
    requested: str | None, configured: str | None, available: Iterable[str], *, no_color: bool
) -> tuple[str, list[str]]:
    """The theme to start with, and problems to report.

    `--theme` wins, then the config file, then `NO_COLOR` (the monochrome theme), then the
    default. An unknown configured name is reported and passed over; the caller checks
    `--theme` itself, as an unknown name there is the user's error to fix at once.
    """
    names = set(available)
    problems: list[str] = []
    if requested:
        return requested, problems
    if configured:
        if configured in names:
            return configured, problems
        problems.append(f"unknown theme {configured!r} in the config file; using the default")
    if no_color and NO_COLOR_THEME in names:
        return NO_COLOR_THEME, problems
    return (DEFAULT_THEME if DEFAULT_THEME in names else "textual-dark"), problems


def _table(data: dict[str, Any], key: str) -> dict[str, str]:
    table = data.get(key, {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise ThemeError(f"[{key}] must be a table of names and strings")
    return table


def _is_color(value: str) -> bool:
    """`#ff8800`, `ansi_red`, `rgb(…)`, optionally followed by an opacity like `40%`."""
    color, _, alpha = value.strip().partition(" ")
    if alpha and not (alpha.endswith("%") and alpha[:-1].isdigit()):
        return False
    try:
        Color.parse(color)
    except ColorParseError:
        return False
    return True


def _is_style(value: str) -> bool:
    words = value.split()
    return bool(words) and all(word in VALID_STYLE_FLAGS for word in words)
