"""Exports written to files, by `newsreader export -o DIR` and the palette's "Export review as …".

Nothing is overwritten: an export takes the first name none of whose files is there yet
(`story.md`, else `story-2.md`, …), each file is created, never replaced, and one not
written whole is removed again. A folder's shared file (brat's `annotation.conf`) is
written once and a different one already there is left as it is.

The palette's files go next to the article when it is a file of the user's, else
(standard input, the bundled sample) into the current folder, named after the article
with `.review` and the format's suffix (`story.review.md`; brat writes `.txt` and `.ann`).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from newsreader.article import Article
    from newsreader.review.export import ExportFormat
    from newsreader.review.overlay import ReviewedAnalysis

SLUG_LENGTH = 40


class ExportError(Exception):
    """The export could not be written; `str()` is one line for the user."""


class Written(NamedTuple):
    paths: list[Path]  # the files written, in order
    kept: list[Path]  # a folder's shared files already there with other contents, left as they are


def article_file(article: Article) -> Path | None:
    """The article's own file, if it was read from one."""
    if article.source.startswith("<") or article.source == "-":
        return None
    path = Path(article.source)
    return path.resolve() if path.is_file() else None


def export_folder(article: Article) -> Path:
    """Next to the article, unless it is not a file or is the bundled sample: then here."""
    from newsreader import resources

    own = article_file(article)
    if own is None:
        return Path.cwd()
    try:
        bundled = resources.bundled_dir("seeds").resolve()
    except FileNotFoundError:
        bundled = None
    return Path.cwd() if own.parent == bundled else own.parent


def export_stem(article: Article) -> str:
    """`story.review` for story.txt; for text without a file, from its title."""
    own = article_file(article)
    if own is not None:
        stem = own.stem
    else:
        stem = re.sub(r"[^\w]+", "-", article.title.casefold()).strip("-")[:SLUG_LENGTH].strip("-")
    return f"{stem or 'article'}.review"


def write_export(
    fmt: ExportFormat, article: Article, reviewed: ReviewedAnalysis, folder: Path | None = None
) -> Written:
    """The palette's export of one article in `fmt`, with the folder's shared files, into
    `folder` (default `export_folder`)."""
    files = fmt.files(article, reviewed)
    folder = export_folder(article) if folder is None else folder
    paths = write_new(folder, export_stem(article), files)
    shared = write_folder_files(folder, fmt.folder_files([files]))
    return Written(paths + shared.paths, shared.kept)


def write_new(folder: Path, stem: str, files: dict[str, str], taken: set[str] | None = None) -> list[Path]:
    """`files` (contents by suffix) written into `folder` under `stem`, numbered (`stem-2`)
    when a file of that name is there or the name is in `taken` (the names a run has
    used, to which it is added); returns the files written."""
    taken = set() if taken is None else taken
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        n += 1
        targets = [folder / f"{name}{suffix}" for suffix in files]
        if name in taken or any(os.path.lexists(t) for t in targets):
            continue
        taken.add(name)
        if _create(targets, files.values()):
            return targets
        # created meanwhile by someone else: the next number


def write_folder_files(folder: Path, files: dict[str, str]) -> Written:
    """Each file (contents by name) created in `folder` unless one of its name is there."""
    written: list[Path] = []
    kept: list[Path] = []
    for name, content in files.items():
        target = folder / name
        if _create([target], [content]):
            written.append(target)
        elif _contents(target) != content:
            kept.append(target)
    return Written(written, kept)


def _create(targets: list[Path], contents: Iterable[str]) -> bool:
    """Each target created with its contents: all of them, or (removed again) none, then
    False if one came to exist meanwhile, else `ExportError`."""
    made: list[Path] = []
    try:
        for target, content in zip(targets, contents, strict=True):
            with target.open("x", encoding="utf-8", newline="") as out:  # "x": never over a file
                made.append(target)
                out.write(content)
    except FileExistsError:
        _remove(made)
        return False
    except OSError as err:
        _remove(made)
        raise ExportError(f"cannot write {target}: {err.strerror or err}") from None
    return True


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):  # what was said already is the failure to tell
            path.unlink(missing_ok=True)


def _contents(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:  # a folder, or unreadable: not the file we would write
        return None
