"""Precision of the identities the cross-reference claims, against labels made by hand.

    python benchmarks/identity_claims.py [DEV_DIR] [--labels FILE] [--show-wrong] [--show-accepted]

DEV_DIR (default /work/shared/eval/dev) holds `articles/*.txt` and the JSON lines files
`ner-dev.jsonl` and `quotes-dev.jsonl`, whose documents carry an "id" and a "text". Every
document is analysed with the bundled reference list, as `newsreader analyze` does (the
JSON lines texts are parsed in memory, never written anywhere). A *claim* is a candidate
whose name is not written as the mention is (the entity's name equals neither the entry's
name nor one of its aliases, ignoring case): an *accepted* claim is the entity's
reference, a *maybe* any other candidate shown to the reviewer.

Claims are joined with `identity_labels.jsonl` (one line per judged claim: document id,
mention, reference, right or wrong and a word of why; names only, no article text) and
reported for each half of the documents. The halves are fixed by the parity of the
document id's SHA-1, chosen before any tuning: rules are tuned on half A, and half B says
how well they hold on documents nobody looked at while tuning. Claims without a label are
printed so that they can be judged and added.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsreader import article
from newsreader.analysis.model import Entity, Match
from newsreader.analysis.references import Entry
from newsreader.analysis.service import Analyzer

DEFAULT_DEV = Path("/work/shared/eval/dev")
LABELS = Path(__file__).with_name("identity_labels.jsonl")
JSONL_SETS = ("ner-dev.jsonl", "quotes-dev.jsonl")


def half(doc_id: str) -> str:
    """A or B, by the parity of the id's SHA-1: fixed before tuning, never by content."""
    return "A" if int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "B"


def documents(dev: Path) -> Iterator[tuple[str, article.Article]]:
    """(document id, article) for the BBC files and the texts of the JSON lines sets."""
    for path in sorted((dev / "articles").glob("*.txt")):
        yield path.stem, article.load(path)
    for name in JSONL_SETS:
        path = dev / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                yield doc["id"], article.parse(doc["text"].encode("utf-8"), doc["id"], suffix=".txt")


@dataclass(frozen=True)
class Claim:
    doc: str
    mention: str
    reference: str
    accepted: bool
    score: float
    why: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.doc, self.mention, self.reference)


def written_as_listed(entity: Entity, entry: Entry | None, match: Match) -> bool:
    names = entry.names if entry is not None else (match.name,)
    folded = " ".join(entity.name.split()).casefold()
    return any(folded == " ".join(n.split()).casefold() for n in names)


def claims_of(doc_id: str, entities: tuple[Entity, ...], entries: dict[str, Entry]) -> Iterator[Claim]:
    for ent in entities:
        for cand in ent.candidates:
            if written_as_listed(ent, entries.get(cand.entry_id), cand):
                continue
            accepted = ent.reference is not None and ent.reference.entry_id == cand.entry_id
            yield Claim(doc_id, ent.name, cand.name, accepted, cand.score, cand.why)


def load_labels(path: Path) -> dict[tuple[str, str, str], dict[str, object]]:
    labels: dict[tuple[str, str, str], dict[str, object]] = {}
    if not path.exists():
        return labels
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row.get("right"), bool):
                sys.exit(f"{path}:{n}: 'right' must be true or false")
            labels[(row["doc"], row["mention"], row["reference"])] = row
    return labels


def precision(claims: list[Claim], labels: dict[tuple[str, str, str], dict[str, object]]) -> str:
    judged = [labels[c.key]["right"] for c in claims if c.key in labels]
    if not judged:
        return "-"
    right = sum(1 for r in judged if r)
    return f"{right / len(judged):.3f} ({right}/{len(judged)} labelled)"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--show-wrong", action="store_true", help="list the claims labelled wrong")
    parser.add_argument("--show-accepted", action="store_true", help="list every accepted claim")
    args = parser.parse_args()
    if not (args.dev / "articles").is_dir():
        print(f"{args.dev}: no articles/ folder here", file=sys.stderr)
        return 2
    analyzer = Analyzer.from_options([], bundled=True)
    entries = {e.id: e for refs in analyzer.lists for e in refs.entries}
    labels = load_labels(args.labels)
    docs: Counter[str] = Counter()
    claims: list[Claim] = []
    for doc_id, doc in documents(args.dev):
        docs[half(doc_id)] += 1
        claims.extend(claims_of(doc_id, analyzer.analyze(doc).entities, entries))

    print(
        f"{'half':<5} {'docs':>5} {'accepted':>9}  {'precision of accepted':<28} "
        f"{'maybe':>6} {'per doc':>8}  precision of maybe"
    )
    for name in ("A", "B"):
        mine = [c for c in claims if half(c.doc) == name]
        accepted = [c for c in mine if c.accepted]
        maybe = [c for c in mine if not c.accepted]
        per_doc = len(maybe) / docs[name] if docs[name] else 0.0
        print(
            f"{name:<5} {docs[name]:>5} {len(accepted):>9}  {precision(accepted, labels):<28} "
            f"{len(maybe):>6} {per_doc:>8.2f}  {precision(maybe, labels)}"
        )
    if args.show_wrong:
        print("\nlabelled wrong:")
        for c in claims:
            if c.key in labels and not labels[c.key]["right"]:
                state = "ACCEPTED" if c.accepted else "maybe"
                print(f"  [{half(c.doc)}] {state:<8} {c.mention!r} -> {c.reference!r} {c.score}: {c.why}")
    if args.show_accepted:
        print("\naccepted:")
        for c in claims:
            if c.accepted:
                said = labels.get(c.key, {}).get("right")
                print(f"  [{half(c.doc)}] {said!s:<5} {c.mention!r} -> {c.reference!r} {c.score}: {c.why}")
    unlabelled = [c for c in claims if c.key not in labels]
    if unlabelled:
        print(f"\n{len(unlabelled)} claims have no label (add them to {args.labels.name}):")
        for c in unlabelled:
            row = {"doc": c.doc, "mention": c.mention, "reference": c.reference, "right": None, "why": ""}
            print(
                json.dumps(row, ensure_ascii=False),
                f"# {'accepted' if c.accepted else 'maybe'} {c.score}: {c.why}",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
