"""What a reference-list file held when it was last read: its content hash, how many names,
the problems found in it. Kept in the cache, keyed by the file's identity (path, inode, size,
modification and change times), so a big list whose index is cached is neither read nor
parsed again: parsing a million rows took 13 of a run's 14 seconds and most of its memory.

Any change to the file (a write moves its change time, which no program can set back)
makes the record miss, and the list is read as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from newsreader.analysis.cache import cache_root
from newsreader.analysis.references import ReferenceList

FOLDER = "reflists"


@dataclass(frozen=True)
class Record:
    digest: str  # the list's content hash, as `references.load` gives it
    names: int  # names and aliases on it
    problems: tuple[str, ...]  # as `ReferenceList.problems`


def recall(path: Path, list_name: str, max_bytes: int) -> tuple[ReferenceList, int] | None:
    """The list at `path` as last read, without its entries, and its number of names, when
    the file is the one then read and within `max_bytes`; None otherwise."""
    identity = identity_of(path, max_bytes)
    if identity is None:
        return None
    try:
        data = json.loads(_record_file(identity).read_text(encoding="utf-8"))
        record = Record(str(data["digest"]), int(data["names"]), tuple(map(str, data["problems"])))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    refs = ReferenceList(list_name, path, problems=list(record.problems), digest=record.digest)
    return refs, record.names


def remember(refs: ReferenceList, before: str | None, max_bytes: int) -> None:
    """Keep what `refs`, just read from its file, held, when the file is still the one it
    was (`before`, its `identity` taken before reading); a cache that cannot be written
    only costs a read next time."""
    identity = None if refs.path is None else identity_of(refs.path, max_bytes)
    if identity is None or identity != before:
        return
    names = sum(len(entry.names) for entry in refs.entries)
    target = _record_file(identity)
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        record = {"digest": refs.digest, "names": names, "problems": refs.problems}
        partial.write_text(json.dumps(record), encoding="utf-8")
        partial.replace(target)


def identity_of(path: Path, max_bytes: int) -> str | None:
    """What tells this file from any other and from itself changed; None for what is not a
    regular file of at most `max_bytes` (it is read, and refused, as before)."""
    try:
        st = path.stat()
        where = path.resolve()
    except (OSError, RuntimeError):
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
        return None
    return f"{where}\0{st.st_dev}\0{st.st_ino}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}"


def _record_file(identity: str) -> Path:
    key = hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_root() / FOLDER / f"{key}.json"
