"""Where the bundled seeds and themes are, installed from a wheel or run from a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
SEED_ARTICLE = "000_0eb4975a21467d31.txt"
REFERENCE_LIST = "references.csv"


def bundled_dir(name: str) -> Path:
    """`seeds` or `themes`: inside the package in a wheel, at the top of a checkout."""
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation")


def seed_article() -> Path:
    return bundled_dir("seeds") / SEED_ARTICLE


def bundled_references() -> Path:
    return bundled_dir("seeds") / REFERENCE_LIST
