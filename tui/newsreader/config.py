"""The user's settings: `config.toml` in the config folder, read once at start.

```toml
theme = "mono"            # a theme name (see the command palette)
reviewer = "Ann Lee"      # recorded with each decision (default: your login name)
store = "~/desk/review.sqlite3"    # the review store: a file, or postgresql://host/db
references = ["~/lists/pep.csv"]   # reference lists used besides the bundled one

[keys]                    # binding id = key(s); see `?` in the reader for the ids
next_mention = "l"
jump_back = "ctrl+o,backspace"
```

Nothing here is fatal: a missing file means defaults, and a file that cannot be read or
has a wrong value yields defaults plus a message in `problems`, which the reader shows.
The folder is `NEWSREADER_CONFIG_DIR` if set (tests use it to keep the user's own settings
out), else the platform's config folder (`~/.config/newsreader` on Linux). User themes
live in its `themes/` subfolder. Textual is not imported here.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsreader.cleaning import printable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found]

APP_NAME = "newsreader"
ENV_DIR = "NEWSREADER_CONFIG_DIR"
FILE_NAME = "config.toml"


@dataclass(frozen=True)
class Config:
    theme: str | None = None
    reviewer: str | None = None  # the name recorded with each decision
    store: str | None = None  # the review store, a path or a postgresql:// address (as written)
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> keys, not yet checked
    references: tuple[str, ...] = ()  # paths, `~` expanded
    path: Path | None = None  # the file read, if there was one
    problems: tuple[str, ...] = ()


def config_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def themes_dir() -> Path:
    return config_dir() / "themes"


def load(path: Path | None = None) -> Config:
    """Read `path` (default: config.toml in `config_dir()`)."""
    path = path or config_dir() / FILE_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as err:
        return Config(path=path, problems=(printable(f"{path}: cannot be read ({err})"),))
    except tomllib.TOMLDecodeError as err:
        return Config(path=path, problems=(printable(f"{path}: not valid TOML ({err})"),))
    return parse(data, path)


def parse(data: dict[str, Any], path: Path | None = None) -> Config:
    where = f"{path}: " if path else ""
    problems: list[str] = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(f"{where}theme must be a name in quotes")
        theme = None
    reviewer = data.get("reviewer")
    if reviewer is not None and not (isinstance(reviewer, str) and reviewer.strip()):
        problems.append(f"{where}reviewer must be a name in quotes")
        reviewer = None
    store = data.get("store")
    if store is not None and not (isinstance(store, str) and store.strip()):
        problems.append(f"{where}store must be a file name or a postgresql:// address in quotes")
        store = None
    references = data.get("references", [])
    if not isinstance(references, list) or not all(isinstance(r, str) for r in references):
        problems.append(f"{where}references must be a list of file names in quotes")
        references = []
    keys: dict[str, str] = {}
    raw_keys = data.get("keys", {})
    if not isinstance(raw_keys, dict):
        problems.append(f'{where}[keys] must be a table of binding id = "key"')
        raw_keys = {}
    for binding_id, value in raw_keys.items():
        if isinstance(value, str) and value.strip():
            keys[binding_id] = value.strip()
        else:
            problems.append(f"{where}keys.{binding_id} must be a key name in quotes")
    for unknown in sorted(set(data) - {"theme", "reviewer", "store", "keys", "references"}):
        problems.append(f"{where}unknown setting {unknown!r}")
    return Config(
        theme=theme,
        reviewer=reviewer,
        store=store.strip() if store else None,
        keys=keys,
        references=tuple(os.path.expanduser(r) for r in references),
        path=path,
        problems=tuple(printable(p) for p in problems),  # they quote the path and the values
    )
