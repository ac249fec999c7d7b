"""Where the reviewer was, so that reopening takes them back there: the row of each list
(folder or feed), the place in each article, and the theme last chosen in the reader.

One small JSON file, `reader-state.json`, beside the review store (each store, each
review project, has its own; a server store's, or one beside a file the store refuses,
is in the user's state folder). It is
written whole to a `.partial` file and moved over the old one, so a crash leaves the
old one; a file that cannot be read or written only means starting at the top with the
configured theme, never an error. Never imports Textual.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

STATE_FILE = "reader-state.json"
OLD_PLACES_FILE = "triage-places.json"  # the list rows alone, as the first version kept them
MAX_LISTS = 500  # folders and feeds remembered; the oldest is forgotten first
MAX_ARTICLES = 2_000  # articles' places remembered; the oldest is forgotten first


def state_path(store: str | os.PathLike[str] | None = None) -> Path:
    """The state file for the review store `store` (`--store`; None: `$NEWSREADER_STORE`,
    else the data folder's): beside it, or in the user's state folder for a server store
    and for a path the store refuses (a user's file is left alone, its folder too)."""
    from newsreader.review.paths import is_server_address, store_location

    location = store_location(store)
    if (isinstance(location, str) and is_server_address(location)) or _someone_elses(Path(location)):
        from platformdirs import user_state_dir

        return Path(user_state_dir("newsreader", appauthor=False)) / STATE_FILE
    return Path(location).parent / STATE_FILE


def _someone_elses(path: Path) -> bool:
    """Does `path` hold what cannot be a review store (an article, another program's
    database)? The store refuses it and leaves its folder as it is; a state file of ours
    put beside it would not."""
    from newsreader.review.decision_log import StoreError
    from newsreader.review.store import what_is_at

    try:
        what_is_at(path)
    except StoreError:
        return True
    return False


class ReaderState:
    """Read and written at each call: two readers on one store share it, the last write
    of a key winning."""

    def __init__(self, path: Path) -> None:
        self.path = path

    # -- the article list's row ---------------------------------------------------------

    def row(self, where: str) -> str | None:
        """The source (path or URL) of the article last chosen in the list `where`."""
        value = self._section("lists").get(where)
        return value if isinstance(value, str) else None

    def put_row(self, where: str, source: str) -> None:
        self._put("lists", where, source, MAX_LISTS)

    # -- the place in an article ----------------------------------------------------------

    def place(self, article_key: str) -> int:
        """The text offset at the top of the article's view when it was last left (0: its top);
        an offset, not a line, so a terminal of another width still opens at the same words."""
        value = self._section("articles").get(article_key)
        return value if isinstance(value, int) and value >= 0 else 0

    def put_place(self, article_key: str, offset: int) -> None:
        self._put("articles", article_key, max(0, offset), MAX_ARTICLES)

    # -- the theme ----------------------------------------------------------------------

    def theme(self, configured: str | None) -> str | None:
        """The theme last chosen in the reader, unless the config file's theme has changed
        since it was chosen (an edit of the config file is the newer wish)."""
        data = self._read().get("theme")
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            return None
        return data["name"] if data.get("configured") == configured else None

    def put_theme(self, name: str, configured: str | None) -> None:
        data = self._read()
        data["theme"] = {"name": name, "configured": configured}
        self._write(data)

    # -- the file -----------------------------------------------------------------------

    def _section(self, name: str) -> dict[str, Any]:
        section = self._read().get(name)
        return section if isinstance(section, dict) else {}

    def _put(self, section: str, key: str, value: object, most: int) -> None:
        data = self._read()
        entries = data.get(section)
        entries = dict(entries) if isinstance(entries, dict) else {}
        entries.pop(key, None)
        entries[key] = value  # last, so the oldest are the first to go
        data[section] = dict(list(entries.items())[-most:])
        self._write(data)

    def _read(self) -> dict[str, Any]:
        data = _load(self.path)
        if data is None:  # none yet: the rows the first version kept, if it left any
            old = _load(self.path.with_name(OLD_PLACES_FILE))
            lists = {k: v for k, v in (old or {}).items() if isinstance(v, str)}
            return {"lists": lists} if lists else {}
        return data

    def _write(self, data: dict[str, Any]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
            partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            partial.replace(self.path)
        except OSError:  # a read-only folder: the next opening starts at the top
            return


def _load(path: Path) -> dict[str, Any] | None:
    """The file's object; None when it is missing, unreadable or not a JSON object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
