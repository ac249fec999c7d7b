"""Loading articles: every input kind, every refusal, and hostile text."""

from __future__ import annotations

import io
import re
import sys
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader import article
from newsreader.article import ArticleError
from newsreader.cleaning import normalise_newlines

STORY = (
    "Harbour talks resume\n\nThe mayor of Portsmouth, Ann Lee, met union leaders on Monday.\n\nTalks went on."
)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_plain_utf8_text_is_kept_unchanged(write):
    doc = article.load(write("story.txt", STORY))
    assert doc.text == STORY
    assert doc.title == "Harbour talks resume"
    assert doc.encoding == "utf-8"
    assert [doc.text[s:e] for s, e in doc.paragraphs] == STORY.split("\n\n")
    assert doc.offsets.is_identity and doc.source_text is None


def test_utf8_bom_is_dropped(write):
    doc = article.load(write("bom.txt", b"\xef\xbb\xbf" + STORY.encode()))
    assert doc.text == STORY


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(write, codec):
    data = STORY.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    doc = article.load(write("wide.txt", data))
    assert doc.text == STORY


def test_cp1252_falls_back_and_says_so(write):
    doc = article.load(write("legacy.txt", "Caf\xe9 owner \x93Zo\xeb\x94 said \x96 yes".encode("latin-1")))
    assert doc.text == "Café owner “Zoë” said – yes"
    assert doc.encoding == "cp1252"
    assert any("Windows-1252" in note for note in doc.notes)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(write, newline):
    doc = article.load(write("dos.txt", STORY.replace("\n", newline)))
    assert doc.text == STORY


def test_empty_file_loads_as_an_empty_article(write):
    doc = article.load(write("empty.txt", b""))
    assert doc.is_empty
    assert doc.paragraphs == ()
    assert doc.title == "empty"


def test_stdin(monkeypatch):
    fake = types.SimpleNamespace(buffer=io.BytesIO(STORY.encode()))
    monkeypatch.setattr(sys, "stdin", fake)
    doc = article.load("-")
    assert doc.text == STORY and doc.source == "<stdin>"


def test_markdown_title_from_heading(write):
    doc = article.load(write("note.md", "# Port strike ends\n\nDockers in *Rotterdam* voted.\n"))
    assert doc.format == "markdown"
    assert doc.title == "Port strike ends"
    assert "Rotterdam" in doc.text


HTML = """<!doctype html><html><head><title>Port strike ends | The Gazette</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Port strike ends</h1>
<p>Dockers in Rotterdam voted on Tuesday to end a strike that had closed the port for a week.</p>
<p>"We got what we asked for," said union leader Pieter de Vries, who led the talks.</p>
<p>Shipping companies said the backlog would take days to clear, and prices could rise.</p>
</article><footer>Share this article</footer></body></html>"""


def test_html_goes_through_the_extractor(write):
    doc = article.load(write("page.html", HTML))
    assert doc.format == "html"
    assert doc.title.startswith("Port strike ends")
    assert "Pieter de Vries" in doc.text
    assert "<p>" not in doc.text and "Home" not in doc.text
    assert len(doc.paragraphs) >= 3


def test_format_is_sniffed_when_the_suffix_lies(write):
    assert article.load(write("page.txt", HTML)).format == "html"
    assert article.load(write("plain.html", STORY)).format == "text"


def test_missing_path_is_refused():
    with pytest.raises(ArticleError, match="no such file"):
        article.load("/nonexistent/story.txt")


def test_directory_is_refused(tmp_path):
    with pytest.raises(ArticleError, match="is a directory"):
        article.load(tmp_path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Some text\x00with a NUL byte", "NUL"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 9, "ELF"),
    ],
)
def test_binary_files_are_refused(write, data, reason):
    with pytest.raises(ArticleError) as err:
        article.load(write("blob.bin", data))
    assert "not a text file" in str(err.value) and reason in str(err.value)
    assert "blob.bin" in str(err.value)


def test_over_the_size_limit_is_refused(write):
    path = write("huge.txt", b"word " * (5 * 1024 * 1024))  # 25 MB
    with pytest.raises(ArticleError, match="too large"):
        article.load(path)
    assert article.load(path, max_bytes=30 * 1024 * 1024).text.startswith("word word")


def test_refusal_message_is_one_line_naming_the_file(write):
    path = write("blob.bin", b"\x00\x01\x02")
    with pytest.raises(ArticleError) as err:
        article.load(path)
    message = str(err.value)
    assert "\n" not in message and str(path) in message


HOSTILE = (
    "Title\n\nBefore \x1b]52;c;ZXZpbA==\x07after, \x1b[31mred\x1b[0m text, "
    "\u202egnirts\u202c and [bold]x[/bold] and [@click=app.quit]x[/] and [/ end.\x07\x9b2J"
)


def test_escapes_and_controls_are_removed_and_brackets_kept(write):
    doc = article.load(write("hostile.txt", HOSTILE))
    assert "\x1b" not in doc.text and "52;c" not in doc.text and "ZXZpbA" not in doc.text
    assert "\u202e" not in doc.text and "\u202c" not in doc.text
    assert not CONTROL.search(doc.text.replace("\n", "").replace("\t", ""))
    assert "[bold]x[/bold]" in doc.text and "[@click=app.quit]x[/]" in doc.text and "[/ end." in doc.text
    assert "red text" in doc.text
    assert doc.notes  # the user is told something was removed


def test_offsets_map_back_to_the_decoded_text(write):
    doc = article.load(write("hostile.txt", HOSTILE))
    assert doc.source_text is not None
    start = doc.text.index("after")
    s, e = doc.offsets.span_to_source(start, start + len("after"))
    assert doc.source_text[s:e] == "after"
    start = doc.text.index("[@click")
    s, e = doc.offsets.span_to_source(start, start + 20)
    assert doc.source_text[s:e] == doc.text[start : start + 20]


def test_nfc_normalisation_keeps_offsets_mappable():
    decomposed = "Jose\u0301 Marti\u0301 spoke in Havana."
    doc = article.from_text(decomposed)
    assert doc.text == "José Martí spoke in Havana."
    start = doc.text.index("Havana")
    s, e = doc.offsets.span_to_source(start, start + 6)
    assert decomposed[s:e] == "Havana"


def test_joiners_kept_only_where_a_script_needs_them():
    doc = article.from_text("Pu\u200dtin and \u0645\u200d\u0627 and 👩\u200d💻")
    assert "Putin" in doc.text
    assert "\u0645\u200d\u0627" in doc.text
    assert "👩\u200d💻" in doc.text


def test_boilerplate_comment_form_and_share_lines_are_marked():
    text = (
        "Port news\n\nThe port reopened after the strike.\n\nShare this article\n\n"
        "Readers who accept cookies on their phones got the alert first.\n\n"
        "Leave a Reply\n\nYour email address will not be published. Required fields are marked *"
    )
    doc = article.from_text(text)
    marked = [doc.text[s:e] for s, e in doc.boilerplate]
    assert any("Share this article" in m for m in marked)
    tail = next(m for m in marked if m.startswith("Leave a Reply"))
    assert tail.endswith("Required fields are marked *")
    assert not any("accept cookies on their phones" in m for m in marked)
    assert doc.in_boilerplate(text.index("Your email"), text.index("Your email") + 10)


def test_cookie_notice_is_marked():
    doc = article.from_text("A story.\n\nMore story here.\n\nWe use cookies to improve your experience.")
    assert [doc.text[s:e] for s, e in doc.boilerplate] == ["We use cookies to improve your experience."]


def test_no_title_without_a_blank_line_after_the_first_line():
    doc = article.from_text("one line\nanother line\n", source="notes/plain-file.txt")
    assert doc.title == "plain file"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_load_cleanly_or_raise_our_error(data):
    try:
        doc = article.parse(data, "fuzz.txt", suffix=".txt")
    except ArticleError:
        return
    assert not CONTROL.search(doc.text.replace("\n", "").replace("\t", ""))
    assert all(0 <= s < e <= len(doc.text) for s, e in doc.paragraphs)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_any_text_offsets_map_inside_the_source(text):
    doc = article.from_text(text)
    source = doc.source_text if doc.source_text is not None else normalise_newlines(text)
    for s, e in doc.paragraphs:
        a, b = doc.offsets.span_to_source(s, e)
        assert 0 <= a <= b <= len(source)


# -- findings of the hostile-input run -------------------------------------------------


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\ufeff"])
def test_an_invisible_character_inside_a_name_does_not_split_it(invisible):
    raw = f"Talks\n\nVladimir Pu{invisible}tin met Ang{invisible}ela Merkel in Berlin."
    doc = article.from_text(raw, "x.txt")
    assert invisible not in doc.text and "Vladimir Putin met Angela Merkel" in doc.text
    start = doc.text.index("Putin")
    assert doc.source_text is not None
    s, e = doc.offsets.span_to_source(start, start + len("Putin"))
    assert doc.source_text[s:e] == f"Pu{invisible}tin"  # the span maps back over it


def test_a_zero_width_space_between_thai_words_is_kept():
    raw = "ข่าว\u200bวันนี้"
    assert article.from_text(raw, "x.txt").text == raw


def test_nel_is_a_line_break_not_a_removed_control():
    doc = article.from_text("Officials in Moscow\x85said nothing.", "x.txt")
    assert "Moscowsaid" not in doc.text and "Moscow\nsaid" in doc.text
    assert normalise_newlines("a\x85b") == "a\nb"


def test_a_title_taken_from_the_file_name_is_printable():
    hostile = "in\x1b]0;pwned\x07side\x9b31m-\u202eevil\u2066_x"
    doc = article.from_text("no title line here", f"{hostile}.txt")
    assert not CONTROL.search(doc.title) and "\u202e" not in doc.title and "\u2066" not in doc.title
    assert doc.title == "inside evil x"


def test_an_error_naming_a_hostile_file_is_printable(tmp_path):
    with pytest.raises(ArticleError) as err:
        article.load(tmp_path / "gone\x1b[2J\u202e.txt")
    assert "\x1b" not in str(err.value) and "\u202e" not in str(err.value)
    assert "gone[2J" not in str(err.value)  # the whole escape sequence goes, not only ESC


@pytest.mark.parametrize(
    ("size", "limit", "said"),
    [(5000, 1, "4.9 KB; the limit is 1 byte"), (300_000, 2048, "0.3 MB; the limit is 2.0 KB")],
)
def test_too_large_names_sizes_that_do_not_read_zero(write, size, limit, said):
    with pytest.raises(ArticleError, match=re.escape(f"too large ({said})")):
        article.load(write("big.txt", "x" * size), max_bytes=limit)
