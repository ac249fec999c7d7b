"""`newsreader agreement`: how far the reviewers of some articles agree, per article and per folder.

Each article is analysed afresh and its stored decisions laid over it, as `newsreader
export` does; for each pair of reviewers the candidates both decided give raw agreement
and Cohen's kappa (`review.agreement`), and each candidate they decided differently,
and no curator has settled, is listed with every reviewer's verdict. A folder's
figures pool the candidates of every article in it. Nothing is written to the store.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from newsreader.cleaning import printable
from newsreader.commands.common import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    PROG,
    ArgumentParser,
    add_common_options,
    article_inputs,
)
from newsreader.review.agreement import PairAgreement, pairwise


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog=f"{PROG} agreement",
        description="Say how far reviewers agree on the candidates they both decided: raw agreement "
        "and Cohen's kappa for each pair of reviewers, per article and per folder.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="articles or folders of them")
    p.add_argument("--store", metavar="PATH", help="review database or postgresql:// address")
    add_common_options(p)
    p.set_defaults(text="source")  # read by the shared exporter; offsets play no part here
    return p


def run(argv: list[str]) -> int:
    from newsreader.commands.export import Exporter

    args = parser().parse_args(argv)
    paths, failures = article_inputs(args.paths, args.max_size)
    exporter = Exporter(args)
    folders: dict[str, list[Mapping[str, str]]] = {}
    lines: list[str] = []
    try:
        for path in paths:
            found = exporter.reviewed(path)
            if found is None:
                failures += 1
                continue
            doc, reviewed = found
            votes = reviewed.votes()
            folders.setdefault(_folder(doc.source), []).extend(votes)
            disputes = reviewed.disagreements()
            lines.append(
                f"{printable(doc.source)}: {len(votes)} candidates decided, {len(disputes)} disputed"
            )
            lines += _pairs(pairwise(votes))
            for entity, candidate, mark in disputes:  # what a curator has to settle
                said = ", ".join(f"{printable(who) or 'someone'} {verdict}" for who, verdict in mark.votes)
                lines.append(f"  disputed: {printable(entity.name)} → {printable(candidate.name)} ({said})")
    finally:
        exporter.close()
    for folder, pooled in sorted(folders.items()):
        lines.append(f"folder {printable(folder)}: {len(pooled)} candidates decided")
        lines += _pairs(pairwise(pooled))
    sys.stdout.write("\n".join(lines) + ("\n" if lines else ""))
    if not lines and failures:
        return EXIT_USAGE
    return EXIT_PARTIAL if failures else 0


def _pairs(pairs: Sequence[PairAgreement]) -> list[str]:
    out = []
    for pair in pairs:
        kappa = "n/a (one verdict throughout)" if pair.kappa is None else f"{pair.kappa:.3f}"
        out.append(
            f"  {printable(pair.a)} · {printable(pair.b)}: {pair.agreed} of {pair.items} agree "
            f"(raw {pair.raw or 0:.3f}), kappa {kappa}"
        )
    if not out:
        out.append("  no candidate decided by two reviewers")
    return out


def _folder(source: str) -> str:
    return str(Path(source).parent)
