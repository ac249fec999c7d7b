"""The store's tables, one migration per schema version.

`PRAGMA user_version` holds the version. `MIGRATIONS[n]` takes a store from version n to
n + 1; a fresh file starts at 0 and runs them all. Never edit a released migration: add one.
"""

from __future__ import annotations

# Decisions are an append-only log. What is decided about (`target`) and what was decided
# (`value`) are JSON; the latest standing row for a target wins, and undo marks a row
# `undone` instead of deleting it, so the previous decision stands again.
_V1 = """
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    text_hash   TEXT NOT NULL UNIQUE,   -- sha256 of the cleaned text: a renamed file keeps its review
    path        TEXT NOT NULL,
    title       TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
);
CREATE TABLE decisions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    kind        TEXT NOT NULL,
    target      TEXT NOT NULL,
    value       TEXT NOT NULL,
    created     TEXT NOT NULL,
    undone      TEXT
);
CREATE INDEX decisions_by_article ON decisions(article_id, id);
CREATE INDEX decisions_by_kind ON decisions(kind, id);
"""

# Who made each decision and who withdrew it: the reviewer's name and the session (one
# run of newsreader), so that undo takes back this reader's own last decision on a store
# that several share. Rows from before have '' for both.
_V2 = """
ALTER TABLE decisions ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN session TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN undone_by TEXT;
CREATE INDEX decisions_by_session ON decisions(session, id);
"""

# A curator's decision settles what reviewers decided differently; `uid` names each
# decision wherever it was made, so one sent twice (a connection lost as it committed,
# a queue replayed) is stored once.
_V3 = """
ALTER TABLE decisions ADD COLUMN curator INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX decisions_by_uid ON decisions(uid);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)

# `PRAGMA application_id` of our stores ("NwsR"): an SQLite file with another id is not ours.
APPLICATION_ID = 0x4E777352

# Checked after migrating: a store at the right version without these is not ours.
REQUIRED_TABLES = frozenset({"articles", "decisions"})


def latest_version() -> int:
    return len(MIGRATIONS)
