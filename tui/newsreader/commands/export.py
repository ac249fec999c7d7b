"""`newsreader export`: each article analysed afresh, its stored decisions laid over, written out.

The formats are `review.export.FORMATS`. Markdown, JSON and CSV go to standard output
unless `--output DIR` is given (one file per article); span JSONL is one line per
article; a format that cannot go to standard output (brat: NAME.txt and NAME.ann, with
the folder's `annotation.conf`) is written into a folder named after it unless
`--output DIR`. A file is never overwritten (see `review.export_files`): a name already
taken gets a number (`story-2.md`), and each file written is said on stderr. Nothing is
written to the store.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsreader.commands.common import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    PROG,
    ArgumentParser,
    UserError,
    add_common_options,
    add_text_option,
    article_inputs,
    list_limit,
    report_problems,
    say,
)

if TYPE_CHECKING:
    from newsreader.article import Article
    from newsreader.review.export import ExportFormat
    from newsreader.review.overlay import ReviewedAnalysis


def parser() -> argparse.ArgumentParser:
    from newsreader.review.export import FORMATS

    described = "; ".join(f"{fmt.name}: {fmt.help}" for fmt in FORMATS)
    p = ArgumentParser(
        prog=f"{PROG} export",
        description="Write the review of each article: its analysis with your decisions and notes.",
        epilog="examples:\n"
        "  newsreader export story.txt                       Markdown report on standard output\n"
        "  newsreader export -f spans *.txt > spans.jsonl    for Prodigy or doccano\n"
        "  newsreader export -f brat -o annotations story.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="articles or folders of them (- reads stdin)")
    p.add_argument(
        "--format",
        "-f",
        choices=[fmt.name for fmt in FORMATS],
        default=FORMATS[0].name,
        help=f"{described} (default {FORMATS[0].name})",
    )
    p.add_argument(
        "--store",
        metavar="PATH",
        help="review database file or postgresql:// address (default: in your data folder)",
    )
    p.add_argument(
        "--output", "-o", metavar="DIR", help="write one file per article into DIR (- for standard output)"
    )
    add_text_option(p)
    add_common_options(p)
    return p


def run(argv: list[str]) -> int:
    from newsreader.review.export import named

    args = parser().parse_args(argv)
    fmt = named(args.format)
    out_dir = _output_dir(fmt, args.output)
    exporter = Exporter(args)
    paths, failures = article_inputs(args.paths, args.max_size)
    results: list[tuple[str, Any]] = []
    try:
        for path in paths:
            done = exporter.export(path, fmt, as_files=out_dir is not None)
            if done is None:
                failures += 1
            else:
                results.append((_stem(path), done))
        if out_dir is None:
            _print(fmt, [r for _, r in results], many=len(paths) > 1 or paths != args.paths)
        else:
            _write_files(fmt, out_dir, results)
    finally:
        exporter.close()
    if not results and failures:
        return EXIT_USAGE
    return EXIT_PARTIAL if failures else 0


class Exporter:
    """Loads the store and the analyzer once, then turns each path into an export."""

    def __init__(self, args: argparse.Namespace) -> None:
        from newsreader.analysis.service import Analyzer
        from newsreader.review.backends import open_store
        from newsreader.review.paths import store_location
        from newsreader.review.session import load_memory
        from newsreader.review.store import StoreError

        self.args = args
        try:
            # Read into memory: exporting never creates, migrates or moves a store (with
            # none there are simply no decisions), and a read-only one exports as well.
            self.store = open_store(store_location(args.store), read_only=True)
        except StoreError as err:
            raise UserError(str(err)) from None
        self.memory = load_memory(self.store)
        self.analyzer = Analyzer.from_options(
            args.references, bundled=not args.no_bundled, max_list_bytes=list_limit(args)
        )

    def export(self, path: Any, fmt: ExportFormat, *, as_files: bool = False) -> Any:
        """One article's export (its files by suffix, or what `fmt` streams); None after a message."""
        found = self.reviewed(path)
        if found is None:
            return None
        doc, reviewed = found
        if as_files:
            return fmt.files(doc, reviewed, text=self.args.text)
        return fmt.render(doc, reviewed, text=self.args.text)

    def reviewed(self, path: Any) -> tuple[Article, ReviewedAnalysis] | None:
        """The article at `path` (or a feed's item) and its review; None after a message."""
        from newsreader import article
        from newsreader.review.overlay import overlay
        from newsreader.review.session import article_key, read_decisions

        try:
            if isinstance(path, article.Article):
                doc = path  # an item of a feed
            else:
                doc = article.load(path, max_bytes=self.args.max_size or article.DEFAULT_MAX_BYTES)
        except article.ArticleError as err:
            say(str(err))
            return None
        report_problems(doc)
        row = self.store.find_article(article_key(doc))
        decisions = read_decisions(self.store.decisions(row.id)) if row else []
        return doc, overlay(doc.text, self.analyzer.analyze(doc), decisions, self.memory)

    def close(self) -> None:
        self.store.close()


def _output_dir(fmt: ExportFormat, output: str | None) -> Path | None:
    """Where the files go; None: standard output. A format that cannot stream goes into
    a folder named after it unless told otherwise."""
    if output == "-" and not fmt.streams:
        files = " and ".join(fmt.suffixes)
        raise UserError(f"{fmt.name} writes {files} files per article; give a folder with --output DIR")
    if output is None or output == "-":
        return None if fmt.streams else Path(fmt.name)
    return Path(output)


def _print(fmt: ExportFormat, results: list[Any], *, many: bool) -> None:
    assert fmt.stream is not None, "a format that cannot stream has an output folder"
    sys.stdout.write(fmt.stream(results, many))
    sys.stdout.flush()


def _write_files(fmt: ExportFormat, out_dir: Path, results: list[tuple[str, dict[str, str]]]) -> None:
    """Each article's files into `out_dir` under its stem, numbered when the stem is taken
    (by another article of this run, or by a file already there): nothing is overwritten."""
    from newsreader.review.export_files import ExportError, write_folder_files, write_new

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(f"cannot create {out_dir}: {err.strerror or err}") from None
    taken: set[str] = set()
    try:
        for stem, files in results:
            written = write_new(out_dir, stem, files, taken)
            say(f"wrote {' and '.join(str(t) for t in written)}")
        shared = write_folder_files(out_dir, fmt.folder_files([files for _, files in results]))
    except ExportError as err:
        raise UserError(str(err)) from None
    for path in shared.paths:
        say(f"wrote {path}")
    for path in shared.kept:
        say(f"{path} already exists and was left as it is")


def _stem(item: Any) -> str:
    """The file name, without suffix, of an article's export: the input's own stem (a
    path is never read for `#`), a feed item's `FEEDSTEM-N`; never a path of folders."""
    from newsreader.cleaning import printable

    if isinstance(item, str):
        stem = "stdin" if item == "-" else Path(item).stem
    else:  # a fetched page, or an item of a feed, whose source is FEED#N
        feed, hash_sign, number = item.source.rpartition("#")
        stem = f"{Path(feed).stem}-{number}" if hash_sign and number.isdigit() else Path(item.source).stem
    stem = re.sub(r"[/\\\x00]", "_", printable(stem)).lstrip(".")
    return stem or "article"
