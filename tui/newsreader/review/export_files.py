"""The palette's "Export review as …": the reviewed analysis written to files.

Files go next to the article when it is a file of the user's, else (standard input, the
bundled sample) into the current folder. They are named after the article with
`.review` and the format's suffix (`story.review.md`; brat writes `.txt` and `.ann`), so
an export never replaces the article. No Textual here: the app says where they went.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsreader.article import Article
    from newsreader.review.overlay import ReviewedAnalysis

FORMAT_NAMES = {"md": "Markdown", "json": "JSON", "csv": "CSV", "spans": "spans", "brat": "brat"}
SLUG_LENGTH = 40


class ExportError(Exception):
    """The export could not be written; `str()` is one line for the user."""


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
    fmt: str, article: Article, reviewed: ReviewedAnalysis, folder: Path | None = None
) -> list[Path]:
    """Write the export in format `fmt` (md, json, csv, spans, brat); returns the files written."""
    from newsreader.review import export

    files = export.render(fmt, article, reviewed)
    folder = export_folder(article) if folder is None else folder
    stem, own = export_stem(article), article_file(article)
    written: list[Path] = []
    for suffix, content in files.items():
        path = folder / f"{stem}{suffix}"
        if own is not None and path.resolve() == own:
            raise ExportError(f"{path} is the article itself: not overwritten")
        _write(path, content)
        written.append(path)
    return written


def _write(path: Path, content: str) -> None:
    """Write all of `content` or nothing: a temporary file beside, then renamed."""
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise ExportError(f"cannot write in {path.parent}: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(content)
        os.chmod(temporary, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        os.replace(temporary, path)
    except OSError as err:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {err.strerror or err}") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
