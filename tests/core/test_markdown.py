"""Markdown read as Markdown: front matter, emphasis, links, images and code are not prose,
and every offset still indexes the file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader import article
from newsreader.analysis import contract
from newsreader.analysis.pipeline import analyze
from newsreader.markdowntext import prose

STORY_MD = """---
title: "Harbour talks: a deal at last"
author: Desk
---
# Harbour talks resume

The mayor, **Ann Lee**, met union leaders on Monday, as the
[city's report](https://example.org/Hans-Gruber/report) said.

"We have a deal," said Ann Lee after the meeting.

```python
print("quote," said Fake Person)
"quote," said Fake Person
```

Talks went on.
"""


def test_markdown_analysis_ignores_markup_and_code_and_offsets_index_the_file(write):
    doc = article.load(write("story.md", STORY_MD))
    assert doc.format == "markdown"
    assert doc.title == "Harbour talks: a deal at last"
    result = analyze(doc)
    data = contract.to_dict(doc, result)
    assert data["text"] == STORY_MD  # the file, not the blanked prose
    names = {e["name"]: e for e in data["entities"]}
    assert "Ann Lee" in names
    slices = {data["text"][s:e] for s, e in names["Ann Lee"]["mentions"]}
    assert slices == {"Ann Lee"}
    # the one inside ** ** is found, and sliced without its markup
    emphasised = STORY_MD.index("**Ann Lee**") + 2
    assert [emphasised, emphasised + len("Ann Lee")] in names["Ann Lee"]["mentions"]
    assert not any("Fake" in name or "Gruber" in name for name in names)
    code_at = STORY_MD.index("```python")
    assert all(q["end"] <= code_at for q in data["quotes"]), data["quotes"]
    spoken = [data["text"][q["start"] : q["end"]] for q in data["quotes"]]
    assert any("We have a deal" in s for s in spoken)
    assert all(q["speaker"] is None or q["speaker"] == names["Ann Lee"]["id"] for q in data["quotes"])


def test_link_keeps_its_words_and_drops_its_address():
    text = 'See [the report](https://example.org/a_b "Its title") and <https://auto.example/x>.\n'
    words = prose(text).text
    assert "the report" in words
    assert "example" not in words and "Its title" not in words and "https" not in words
    assert words.index("the report") == text.index("the report")
    titled = prose('[Ann Lee](https://x.example/(a) "a) b") spoke.\n').text
    assert titled.split() == ["Ann", "Lee", "spoke."]


def test_images_headings_and_emphasis_markers_are_blanked():
    text = "## Port _strike_ ends ##\n\n![Jane Doe on the quay](quay.jpg) Dockers *voted*.\n"
    found = prose(text)
    assert found.title == "Port strike ends"
    assert "#" not in found.text and "_" not in found.text and "*" not in found.text
    assert "Jane Doe" not in found.text and "quay.jpg" not in found.text
    assert found.text.split() == ["Port", "strike", "ends", "Dockers", "voted", "."]


def test_indented_code_and_inline_code_yield_no_quote_or_name(write):
    text = (
        "Notes from the desk\n\nThe parser is called like this:\n\n"
        '    "quote," said Fake Person\n\nUse `Fake Person` as the example name.\n'
    )
    doc = article.load(write("notes.md", text))
    result = analyze(doc)
    assert not result.quotes
    assert not [e for e in result.entities if "Fake" in e.name]


def test_toml_front_matter_gives_the_title_and_is_not_prose():
    text = '+++\ntitle = "Wire copy, Tuesday"\ndraft = false\n+++\n\nDockers voted.\n'
    found = prose(text)
    assert found.title == "Wire copy, Tuesday"
    assert "draft" not in found.text and "+++" not in found.text
    assert found.text.index("Dockers") == text.index("Dockers")


def test_front_matter_gives_the_link_date_and_author_cleaned(write):
    text = (
        '---\ntitle: Harbour talks\ndate: 2026-12-01\nauthor: "Ana \x1b[31mPérez\u202e"\n'
        "permalink: https://example.org/harbour\n---\n\nDockers voted.\n"
    )
    doc = article.load(write("harbour.md", text))
    assert (doc.title, doc.published, doc.url) == (
        "Harbour talks",
        "2026-12-01",
        "https://example.org/harbour",
    )
    assert doc.author == "Ana Pérez"  # the escape sequence and the bidi override are gone
    assert "Ana" not in doc.prose  # front matter is no prose


def test_toml_front_matter_dates_and_author_lists_are_read():
    text = (
        '+++\ntitle = "Wire"\ndate = 2026-12-01T09:30:00Z\nauthors = ["Ana Pérez", "Tom Brack"]\n+++\n\nX.\n'
    )
    found = prose(text)
    assert found.front == {"published": "2026-12-01 09:30:00+00:00", "author": "Ana Pérez, Tom Brack"}


def test_escapes_and_entities_keep_their_characters_in_place():
    text = "Tom &amp; Jerry paid 2\\*3 pounds.\n"
    words = prose(text).text
    assert words.split() == ["Tom", "&", "Jerry", "paid", "2", "*3", "pounds."]


def test_control_characters_in_markdown_are_cleaned_and_offsets_still_index_the_file(write):
    text = "# Talks\n\nThe \x1b[31mmayor\x1b[0m **Ann Lee** spoke.\n"
    doc = article.load(write("ctl.md", text))
    assert "\x1b" not in doc.text
    data = contract.to_dict(doc, analyze(doc))
    assert data["text"] == text
    found = [data["text"][s:e] for ent in data["entities"] for s, e in ent["mentions"]]
    assert "Ann Lee" in found


def test_a_markdown_file_without_front_matter_takes_its_heading_as_title(write):
    doc = article.load(write("note.md", "# Port strike ends\n\nDockers in *Rotterdam* voted.\n"))
    assert doc.title == "Port strike ends"
    assert doc.prose.index("Rotterdam") == doc.text.index("Rotterdam")


def test_the_reader_shows_the_markdown_as_written_and_the_analysis_reads_its_prose(write):
    doc = article.load(write("story.md", STORY_MD))
    assert doc.text == STORY_MD  # what the reader shows, and what the review is keyed by
    assert len(doc.prose) == len(doc.text)
    assert "**" not in doc.prose and "Fake Person" not in doc.prose and "example.org" not in doc.prose
    assert "Fake Person" in doc.text


_MARKDOWNISH = st.text(alphabet=st.sampled_from("ab A*_`#>-[]()!<>\\&;:\"'\n +"), max_size=200)


@settings(max_examples=300, deadline=None)
@given(_MARKDOWNISH)
def test_prose_is_the_file_with_characters_blanked_in_place(text):
    words = prose(text).text
    assert len(words) == len(text)
    for mine, theirs in zip(words, text, strict=True):
        assert mine == theirs or (mine == " " and theirs != "\n")
