"""What the reader waits for before its first paint of a big feed, against the feed's parse.

    python benchmarks/feed_first_paint.py [--items 10000]

A feed of generated items (six paragraphs each) is written to a temporary folder. Timed in
one process: feedparser's default parse (the baseline: sanitised, links resolved, as the
reader parsed before), what the reader now does before it paints (`read_feed_items`, and
the first item extracted), and what it did before (that parse, then every item extracted).
Printed as seconds and ratios to the baseline, so a loaded machine moves them alike.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def write_feed(path: Path, items: int) -> None:
    parts = ["<?xml version='1.0'?><rss version='2.0'><channel><title>Big wire</title>"]
    for i in range(items):
        body = "".join(
            f"&lt;p&gt;Mayor Ada Lintz{i} said on day {j} that the harbour plan {i} would be "
            "reviewed by the council.&lt;/p&gt;"
            for j in range(6)
        )
        parts.append(
            f"<item><title>Harbour story {i}</title><link>https://example.org/{i}</link>"
            f"<pubDate>Mon, 01 Dec 2026 10:{i % 60:02d}:00 GMT</pubDate>"
            f"<description>{body}</description></item>"
        )
    parts.append("</channel></rss>")
    path.write_text("".join(parts), encoding="utf-8")


def timed(run):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = run()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    import feedparser

    from newsreader import feeds

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.rss"
        write_feed(path, args.items)
        _, baseline = timed(lambda: feedparser.parse(path.read_bytes()))
        items, parse = timed(lambda: feeds.read_feed_items(str(path)))
        _, first = timed(items[0].load)
        _, every = timed(lambda: [item.load() for item in items])
    print(f"{args.items} items; seconds, and the ratio to feedparser's default parse")
    for label, seconds in (
        ("feedparser.parse as before (sanitised)", baseline),
        ("read_feed_items (not sanitised)", parse),
        ("first paint now: items + the first one", parse + first),
        ("first paint before: parse + every item", baseline + every),
    ):
        print(f"{label:<42} {seconds:7.2f} s  {seconds / baseline:.2f}")


if __name__ == "__main__":
    main()
