"""`newsreader export`: each article analysed afresh, its stored decisions laid over, written out.

Markdown, JSON and CSV go to standard output unless `--output DIR` is given (one file
per article); span JSONL is one line per article; brat writes NAME.txt and NAME.ann into
a folder (`brat/` unless `--output DIR`), with the folder's `annotation.conf`. A file is
never overwritten: a name already taken gets a number (`story-2.md`), and each file
written is said on stderr. Nothing is written to the store.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

from newsreader.cli import (
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

BRAT_DIR = "brat"


def parser() -> argparse.ArgumentParser:
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
        choices=("md", "json", "csv", "spans", "brat"),
        default="md",
        help="md: review report; json: reviewed analysis; csv: entities and quotes; "
        "spans: JSONL of mention spans; brat: .txt + .ann standoff (default md)",
    )
    p.add_argument("--store", metavar="PATH", help="review database (default: in your data folder)")
    p.add_argument(
        "--output", "-o", metavar="DIR", help="write one file per article into DIR (- for standard output)"
    )
    add_text_option(p)
    add_common_options(p)
    return p


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    out_dir = _output_dir(args.format, args.output)
    exporter = _Exporter(args)
    paths, failures = article_inputs(args.paths, args.max_size)
    results: list[tuple[str, Any]] = []
    try:
        for path in paths:
            done = exporter.export(path, as_files=out_dir is not None)
            if done is None:
                failures += 1
            else:
                results.append((_stem(path), done))
        if out_dir is None:
            _print(args.format, [r for _, r in results], many=len(paths) > 1 or paths != args.paths)
        else:
            _write_files(out_dir, results)
    finally:
        exporter.close()
    if not results and failures:
        return EXIT_USAGE
    return EXIT_PARTIAL if failures else 0


class _Exporter:
    """Loads the store and the analyzer once, then turns each path into an export."""

    def __init__(self, args: argparse.Namespace) -> None:
        from newsreader.analysis.service import Analyzer
        from newsreader.review.paths import store_path
        from newsreader.review.session import load_memory
        from newsreader.review.store import Store, StoreError

        self.args = args
        try:
            # Read into memory: exporting never creates, migrates or moves a store (with
            # none there are simply no decisions), and a read-only one exports as well.
            self.store = Store.open(store_path(args.store), read_only=True)
        except StoreError as err:
            raise UserError(str(err)) from None
        self.memory = load_memory(self.store)
        self.analyzer = Analyzer.from_options(
            args.references, bundled=not args.no_bundled, max_list_bytes=list_limit(args)
        )

    def export(self, path: Any, *, as_files: bool = False) -> Any:
        """One article's export (files by suffix, or a str, dict or rows to print); None after a message."""
        from newsreader import article
        from newsreader.review import export
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
        reviewed = overlay(doc.text, self.analyzer.analyze(doc), decisions, self.memory)
        fmt, text = self.args.format, self.args.text
        if as_files:
            return export.render(fmt, doc, reviewed, text=text)
        if fmt == "md":
            return export.to_markdown(doc, reviewed)
        if fmt == "json":
            return export.to_json(doc, reviewed, text=text)
        if fmt == "csv":
            return export.csv_rows(doc, reviewed, text=text)
        return export.to_spans(doc, reviewed, text=text)

    def close(self) -> None:
        self.store.close()


def _output_dir(fmt: str, output: str | None) -> Path | None:
    if output == "-" and fmt == "brat":
        raise UserError("brat writes two files per article; give a folder with --output DIR")
    if output is None or output == "-":
        return Path(BRAT_DIR) if fmt == "brat" else None
    return Path(output)


def _print(fmt: str, results: list[Any], *, many: bool) -> None:
    from newsreader.analysis.contract import dumps
    from newsreader.review.export import write_csv

    out = sys.stdout
    if fmt == "md":
        out.write("\n---\n\n".join(results))
    elif fmt == "json" and results:
        out.write(dumps(results if many else results[0], indent=2) + "\n")
    elif fmt == "csv":
        write_csv([row for rows in results for row in rows], out)
    elif fmt == "spans":
        for record in results:
            out.write(dumps(record) + "\n")
    out.flush()


def _write_files(out_dir: Path, results: list[tuple[str, dict[str, str]]]) -> None:
    """Each article's files into `out_dir` under its stem, numbered when the stem is taken
    (by another article of this run, or by a file already there): nothing is overwritten."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(f"cannot create {out_dir}: {err.strerror or err}") from None
    taken: set[str] = set()
    for stem, files in results:
        written = _write_new(out_dir, stem, files, taken)
        say(f"wrote {' and '.join(str(t) for t in written)}")
    anns = [files[".ann"] for _, files in results if ".ann" in files]
    if anns:
        _write_brat_conf(out_dir, anns)


def _write_new(out_dir: Path, stem: str, files: dict[str, str], taken: set[str]) -> list[Path]:
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        n += 1
        targets = [out_dir / f"{name}{suffix}" for suffix in files]
        if name in taken or any(os.path.lexists(t) for t in targets):
            continue
        taken.add(name)
        try:
            for target, content in zip(targets, files.values(), strict=True):
                with target.open("x", encoding="utf-8", newline="") as fh:  # "x": never over a file
                    fh.write(content)
        except FileExistsError:
            continue  # created meanwhile by someone else: the next number
        except OSError as err:
            raise UserError(f"cannot write {target}: {err.strerror or err}") from None
        return targets


def _write_brat_conf(out_dir: Path, anns: list[str]) -> None:
    from newsreader.review.export import BRAT_CONF, annotation_conf

    conf, target = annotation_conf(anns), out_dir / BRAT_CONF
    try:
        with target.open("x", encoding="utf-8", newline="") as fh:
            fh.write(conf)
    except FileExistsError:
        if target.read_text(encoding="utf-8", errors="replace") != conf:
            say(f"{target} already exists and was left as it is")
        return
    except OSError as err:
        raise UserError(f"cannot write {target}: {err.strerror or err}") from None
    say(f"wrote {target}")


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
