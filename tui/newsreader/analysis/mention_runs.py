"""Pass 1 of the mention finder: runs of capitalised tokens, where sentences start, and the
lines written in capitals; and names written in scripts without capitals.

A run is a maximal sequence of capitalised tokens with the connectors names use ("Bank of
England", "Ursula von der Leyen"), found by one regular expression. Arabic, Hebrew, Han,
Hangul and Katakana have no capitals: a short run of their letters inside Latin prose
("Xi Jinping (习近平)") is a name's candidate of its own (`uncased_runs`).
"""

from __future__ import annotations

import bisect
import functools
import re

from newsreader.analysis import vocab
from newsreader.analysis.model import Span

# Capital letters of the Latin, Greek and Cyrillic scripts. The Latin Extended blocks mix
# cases, so a run's tokens are checked with str.isupper() as well; a full Unicode class
# would cost 50 ms to compile at every start.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0386-\u03ab\u0400-\u042f"
# Invisible format characters (soft hyphen, zero-width space and joiners, word joiner, BOM)
# that editors and pasted web text leave inside words: a name read past them stays one name
FORMAT_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_WITHOUT_FORMAT = str.maketrans("", "", FORMAT_CHARACTERS)
_ABBREVIATIONS = "|".join(vocab.POINTED_ABBREVIATIONS)
_PREFIXES = "|".join(vocab.HYPHENED_PARTICLES)
_TOKEN = (
    rf"(?:(?:{_ABBREVIATIONS})\.(?=[ \u00a0]?[{_UP}])"  # Mr. Smith, St. Petersburg
    rf"|[{_UP}]\.(?:[{_UP}]\.)+"  # U.S., U.N.
    rf"|[{_UP}]\.(?=[ \u00a0][{_UP}])"  # the initial in John F. Kennedy
    rf"|(?:(?:{_PREFIXES})-)?[{_UP}](?:[\w&{FORMAT_CHARACTERS}]|['’.](?=\w)|-(?=\w))*)"
)
_CONNECTOR = f"(?:{'|'.join(vocab.NAME_CONNECTORS)})"
_GAP = rf"[ \u00a0](?:{_CONNECTOR}[ \u00a0]){{0,2}}"
# What a token may start with: a capital, or the first letter of an abbreviation or of a
# hyphened particle ("al-Assad"). Looked ahead for before a run, it lets the engine pass
# over the other characters without trying the token's alternatives at each of them.
_TOKEN_START = "".join(sorted({w[0] for w in (*vocab.POINTED_ABBREVIATIONS, *vocab.HYPHENED_PARTICLES)}))
RUN = re.compile(rf"(?=[{_UP}{_TOKEN_START}])(?<![\w’']){_TOKEN}(?:{_GAP}{_TOKEN})*")
TOKEN_IN_RUN = re.compile(rf"{_TOKEN}|(?<=[ \u00a0]){_CONNECTOR}(?=[ \u00a0])")
POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_CAPS_LINE_MIN_LETTERS = 8


def without_format(text: str) -> str:
    """`text` without the invisible format characters a name may hold ("Mar\u200bco")."""
    return text if text.isascii() else text.translate(_WITHOUT_FORMAT)  # none is ASCII


def is_acronym(surface: str) -> bool:
    """ "NATO", "U.N.", "AT&T": two to six capitals, points and ampersands aside."""
    letters = surface.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def strip_possessive(word: str) -> str:
    """ "China's" -> "China", "Workers'" -> "Workers"; other words as they are."""
    m = POSSESSIVE.search(word)
    return word[: m.start()] if m and len(word) > 2 else word


def is_initial(text: str, pos: int) -> bool:
    """Does a sentence (or a quotation, or a line) start at `pos`?"""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0\"“‘'([{*•·":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n…"


def inside(pos: int, spans: list[Span]) -> bool:
    """Is `pos` inside one of the sorted, non-overlapping `spans`?"""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# Scripts without capitals, each by its blocks' ranges: the words of a run and what joins
# them. Arabic and Hebrew words are joined by single spaces (محمد بن سلمان), Hangul words
# too (김정은, 문 재인); Han characters are written together, a foreign name's parts joined
# by a middle dot (唐纳德·特朗普); Katakana words by the dot ・ or a space (キシダ フミオ).
_ARABIC_WORD = (
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff][\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff]*"
)
_HEBREW_WORD = "[\u05d0-\u05f2][\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u05d0-\u05f4]*"
_HANGUL_WORD = "[\uac00-\ud7a3]+"
_KATAKANA_WORD = "[\u30a1-\u30fa\u30fc]+"
_HAN = "[\u3400-\u4dbf\u4e00-\u9fff\u3005]+"
_CJK = "[\u3040-\u309f\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\u3005]+"
# The UTF-8 lead bytes of those blocks (U+0590-U+07FF, U+3000-U+DFFF): a cheap first look.
# A class of thousands of characters costs milliseconds to compile (re fills its map one
# character at a time), so the patterns below are compiled only for a text that may hold
# one of them, once per process; most texts, Latin through and through, never pay it.
_MAYBE_UNCASED = re.compile(b"[\xd6-\xdf\xe3-\xed]")


@functools.cache
def _uncased_patterns() -> tuple[re.Pattern[str], ...]:
    """A run, found whole however long, then judged (a sentence is no name); any letter of
    those scripts; a Latin letter; a Katakana name; a Han name."""
    run = re.compile(
        rf"(?P<arabic>{_ARABIC_WORD}(?: {_ARABIC_WORD})*)"
        rf"|(?P<hebrew>{_HEBREW_WORD}(?: {_HEBREW_WORD})*)"
        rf"|(?P<hangul>{_HANGUL_WORD}(?: {_HANGUL_WORD})*)"
        rf"|(?P<kana>{_CJK}(?:[\u30fb\u00b7 ]{_CJK})*)"
    )
    letter = re.compile("[\u0590-\u06ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
    katakana = re.compile(rf"{_KATAKANA_WORD}(?:[\u30fb ]{_KATAKANA_WORD}){{0,3}}")
    latin = re.compile("[A-Za-z\u00c0-\u024f]")
    han = re.compile(rf"{_HAN}(?:[\u30fb\u00b7]{_HAN}){{0,2}}")
    return run, letter, latin, katakana, han


MAX_UNCASED_WORDS = 4  # Arabic, Hebrew, Katakana: "محمد بن سلمان آل سعود"; more is a phrase
MAX_HANGUL_WORDS = 3
MAX_HAN_CHARACTERS = 6  # 习近平, 欧阳修; a foreign name's parts written with a dot may be longer
MAX_HAN_PART = 4  # 唐纳德·特朗普: each part between the dots
UNCASED_CONTEXT = 40  # characters each side of a run read to tell that the text is Latin


def uncased_runs(text: str) -> list[tuple[int, int, str]]:
    """Names' candidates in scripts without capitals: (start, end, script) of each run
    short enough to be a name, inside text that is mostly Latin. A run of Han characters
    with Kana (Japanese prose) or a whole sentence is none."""
    if text.isascii() or _MAYBE_UNCASED.search(text.encode("utf-8", "surrogatepass")) is None:
        return []  # most texts: one scan of their bytes
    run_pattern, letter, latin, katakana, han = _uncased_patterns()
    found: list[tuple[int, int, str]] = []
    pos = 0
    # from one of their letters to the next: the run's alternatives tried at every
    # character of a long Latin text would cost a tenth of a second a megabyte
    while (first := letter.search(text, pos)) is not None:
        m = run_pattern.match(text, first.start())
        if m is None:
            pos = first.end()  # a digit or a sign of those blocks
            continue
        pos = m.end()
        script = m.lastgroup or ""
        run = m.group()
        if script == "kana":
            if katakana.fullmatch(run):
                script = "katakana"
            elif han.fullmatch(run) and _short_han(run):
                script = "han"
            else:
                continue  # Japanese with its Kana, or a Chinese sentence
        elif len(run.split()) > (MAX_HANGUL_WORDS if script == "hangul" else MAX_UNCASED_WORDS):
            continue
        if len(run.replace(" ", "")) < 2 or not _amid_latin(text, m.start(), m.end(), letter, latin):
            continue
        found.append((m.start(), m.end(), script))
    return found


def _short_han(run: str) -> bool:
    parts = re.split("[\u30fb\u00b7]", run)
    if len(parts) == 1:
        return len(run) <= MAX_HAN_CHARACTERS
    return all(len(p) <= MAX_HAN_PART for p in parts)


def _amid_latin(text: str, start: int, end: int, letter: re.Pattern[str], latin: re.Pattern[str]) -> bool:
    """Is the text about `text[start:end]` mostly Latin letters (an English sentence), not
    the run's own script (a passage in Arabic whose commas cut it into short runs)?"""
    before = text[max(0, start - UNCASED_CONTEXT) : start]
    after = text[end : end + UNCASED_CONTEXT]
    latins = len(latin.findall(before)) + len(latin.findall(after))
    others = len(letter.findall(before)) + len(letter.findall(after))
    return latins >= 8 and latins >= 2 * others


_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_DROP_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ")
_DROP_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ")


def shouted_lines(text: str) -> list[Span]:
    """Lines written in capitals (headlines, datelines, section labels)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if len(_LOWER_WORD.findall(line, 0, 120)) > 2:
            continue  # ordinary prose: counting its letters would only confirm it
        upper = len(line) - len(line.translate(_DROP_UPPER))
        if upper < 2:
            continue
        lower = len(line) - len(line.translate(_DROP_LOWER))
        letters = upper + lower
        if letters < _CAPS_LINE_MIN_LETTERS:
            # short lines: a dateline such as "LONDON 1996-08-30" is shouted too
            if lower == 0 and len(line.split()) >= 2:
                spans.append(m.span())
            continue
        if upper / letters > 0.7 and len(line.split()) >= 2:
            spans.append(m.span())
    return spans
