"""Does attributing quotes cost the same per quote at 10x the quotes? Shapes that have cost more.

    python benchmarks/quote_scaling.py [--small 1000] [--large 10000]

Each shape is a text of N quotes written to stress one lookup of the attribution rules:
roles no one was given ("the senator said", looked for among the people named before),
pronouns with no compatible person, cue-less quotes on one long line (the dash signature
and the line label are looked for near the quote), and quotes that continue across
paragraphs. For each, the quote pass (`quotes.attribute`, on the mentions the pipeline
found) is timed at the small and the large size, and the cost per quote at the large size
is printed as a ratio of the small one, with a regex word split of the same texts as the
yardstick measured in the same run. A ratio near 1 is linear; the pass once grew as the
square of the quotes (18.7 s for 3,000 unresolved roles).
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from newsreader.analysis import quotes
from newsreader.analysis.pipeline import analyze_text

SHAPES: dict[str, Callable[[int], str]] = {
    "roles no one was given": lambda i: f"Tom Baines{i % 50} met Elena Ortega. The senator said “x y z w”. ",
    "pronouns with no match": lambda i: f"Tom Baines{i % 50} spoke. “We are done,” she said. ",
    "cue-less, one long line": lambda i: f"“a b c d{i}” x{i} y. ",
    "continued paragraphs": lambda i: f"“Part {i} of the story,” Elena Ortega said.\n\n“And more of it.”\n\n",
}


def quote_pass_seconds(text: str) -> float:
    """Seconds of the quote pass alone, on the mentions analysis found in `text`."""
    analysis = analyze_text(text)
    refs = [
        quotes.MentionRef(s, e, ent.id, ent.type, quotes.gender_of_name(ent.name))
        for ent in analysis.entities
        for s, e in ent.mentions
    ]
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    start = time.perf_counter()
    quotes.attribute(text, paragraphs, refs)
    return time.perf_counter() - start


def split_seconds(text: str) -> float:
    start = time.perf_counter()
    for _ in range(20):
        re.findall(r"\w+", text)
    return (time.perf_counter() - start) / 20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=10000)
    args = ap.parse_args()
    print(
        f"{'shape':26s} {'per quote small':>16s} {'per quote large':>16s} {'ratio':>6s} {'split ratio':>11s}"
    )
    for name, make in SHAPES.items():
        texts = {n: "".join(make(i) for i in range(n)) for n in (args.small, args.large)}
        per_quote = {n: quote_pass_seconds(t) / n for n, t in texts.items()}
        split = {n: split_seconds(t) / n for n, t in texts.items()}
        ratio = per_quote[args.large] / per_quote[args.small]
        split_ratio = split[args.large] / split[args.small]
        print(
            f"{name:26s} {per_quote[args.small] * 1e6:13.1f} µs {per_quote[args.large] * 1e6:13.1f} µs"
            f" {ratio:6.2f} {split_ratio:11.2f}"
        )


if __name__ == "__main__":
    main()
