"""`newsreader export`: each article analysed afresh, its stored decisions laid over, written out.

Markdown, JSON and CSV go to standard output unless `--output DIR` is given (one file
per article); span JSONL is one line per article; brat writes NAME.txt and NAME.ann into
a folder (`brat/` unless `--output DIR`). Nothing is written to the store.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsreader.cli import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    PROG,
    UserError,
    add_common_options,
    add_text_option,
    article_inputs,
    report_problems,
)

BRAT_DIR = "brat"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
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
                results.append((path if isinstance(path, str) else path.source, done))
        if out_dir is None:
            _print(args.format, [r for _, r in results], many=len(paths) > 1 or paths != args.paths)
        else:
            _write_files(out_dir, results, inputs=[p for p in paths if isinstance(p, str)])
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
        self.analyzer = Analyzer.from_options(args.references, bundled=not args.no_bundled)

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
            print(f"{PROG}: {err}", file=sys.stderr)
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


def _write_files(out_dir: Path, results: list[tuple[str, Any]], *, inputs: list[str]) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(f"cannot create {out_dir}: {err.strerror or err}") from None
    protected = {Path(p).resolve() for p in inputs if p != "-"}
    for name, (_, files) in zip(_names([p for p, _ in results]), results, strict=True):
        targets = {out_dir / f"{name}{suffix}": content for suffix, content in files.items()}
        for target in targets:
            if target.resolve() in protected:
                raise UserError(f"{target} is one of the articles; give another folder with --output DIR")
        for target, content in targets.items():
            try:
                with target.open("w", encoding="utf-8", newline="") as fh:
                    fh.write(content)
            except OSError as err:
                raise UserError(f"cannot write {target}: {err.strerror or err}") from None
        print(f"{PROG}: wrote {' and '.join(str(t) for t in targets)}", file=sys.stderr)


def _names(paths: list[str]) -> list[str]:
    """A file name for each article: its stem, made unique."""
    names: list[str] = []
    for path in paths:
        if path == "-":
            stem = "stdin"
        elif "#" in path:  # a feed's item: FEED#N
            feed, number = path.rsplit("#", 1)
            stem = f"{Path(feed).stem}-{number}"
        else:
            stem = Path(path).stem or "article"
        name, n = stem, 1
        while name in names:
            n += 1
            name = f"{stem}-{n}"
        names.append(name)
    return names
