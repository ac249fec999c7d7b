"""The reviewed analysis written out: Markdown report, JSON, CSV, span JSONL, brat standoff.

Pure functions of the article and its `ReviewedAnalysis`. With `text="source"` (the
default, as in `newsreader analyze`) offsets index the text as decoded, so they line up
with annotations made on the original file; `text="clean"` uses the text the reader shows.

`FORMATS` is the one list of formats: `newsreader export` (its choices, help and output)
and the reader's palette read it, so a new format is one renderer and one entry there.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from newsreader.analysis import contract
from newsreader.analysis.model import Entity, Quote, Span
from newsreader.article import Article
from newsreader.cleaning import printable
from newsreader.review.agreement import pairwise
from newsreader.review.decisions import Recorded, describe
from newsreader.review.memory import candidate_key
from newsreader.review.overlay import Mark, ReviewedAnalysis
from newsreader.review.vocabulary import ACCEPTED, LEARNED, MATCHED, NONE, OPEN, REJECTED, UNSURE

CSV_FIELDS = (
    "source",
    "record",
    "id",
    "type",
    "name",
    "text",
    "start",
    "end",
    "mentions",
    "reference",
    "reference_list",
    "state",
    "speaker",
    "speaker_name",
    "note",
    "decided_by",
)

# The states CSV and brat write for a reference or a candidate: the reviewer's verdict
# (accepted, rejected, unsure), "undecided" while a candidate waits for one, "matched"
# (the analysis's own confident match) or "learned" (from a decision in another article)
# when none is needed, and "none" when there is nothing to decide.
UNDECIDED = "undecided"
VERDICT_STATES = (ACCEPTED, REJECTED, UNSURE, UNDECIDED, MATCHED, LEARNED, NONE)

Spanner = Callable[[int, int], Span]


def _view(article: Article, text: str) -> tuple[str, Spanner]:
    if text == "source" and article.source_text is not None:
        return article.source_text, article.offsets.span_to_source
    return article.text, lambda s, e: (s, e)


def _squash(s: str) -> str:
    return " ".join(s.split())


# -- JSON -----------------------------------------------------------------------------


def to_json(article: Article, reviewed: ReviewedAnalysis, *, text: str = "source") -> dict[str, Any]:
    """The `newsreader analyze` document of the reviewed analysis, plus a `review` section."""
    doc = contract.to_dict(article, reviewed.analysis, text=text)
    _, span = _view(article, text)
    entities = reviewed.analysis.entities
    doc["review"] = {
        "status": reviewed.status,
        "note": reviewed.article_note,
        "entities": [
            {"entity": e.id, "state": m.state, "why": m.why}
            for e in entities
            if (m := reviewed.entity_mark(e)).state != NONE
        ],
        "candidates": [
            {"entity": e.id, "name": c.name, "list": c.list, "state": m.state, "why": m.why, **_who(m)}
            for e in entities
            for c in e.candidates
            if (m := reviewed.candidate_mark(e, c))
        ],
        "disagreements": [
            {"entity": e.id, "name": c.name, "list": c.list, "votes": _votes(m)}
            for e, c, m in reviewed.disagreements()
        ],
        "agreement": [pair.to_dict() for pair in pairwise(reviewed.votes())],
        "hidden": [
            {"entity": eid, "name": c.name, "list": c.list, "why": why} for eid, c, why in reviewed.hidden
        ],
        "quotes": [
            {"start": span(s, t)[0], "end": span(s, t)[1], "state": m.state, "why": m.why}
            for (s, t), m in sorted(reviewed.quote_marks.items())
        ],
        "notes": _notes(reviewed, span),
        "decisions": [_decision(r) for r in reviewed.decisions],
        "not_applied": [_decision(r) for r in reviewed.stale],
    }
    return doc


def _decision(rec: Recorded) -> dict[str, Any]:
    return {
        "id": rec.id,
        "created": rec.created,
        "kind": rec.decision.kind,
        "says": describe(rec.decision),
        "reviewer": rec.reviewer,
        "curator": rec.curator,
    }


def _who(mark: Mark) -> dict[str, Any]:
    """Who decided a candidate: the reviewer whose verdict stands, every reviewer's, and
    the curator who settled them; nothing for a candidate nobody decided."""
    if not mark.by and not mark.votes:
        return {}
    return {"by": mark.by, "votes": _votes(mark), "settled_by": mark.settled_by}


def _votes(mark: Mark) -> list[dict[str, str]]:
    return [{"reviewer": reviewer, "verdict": verdict} for reviewer, verdict in mark.votes]


def _notes(reviewed: ReviewedAnalysis, span: Spanner) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if reviewed.article_note:
        out.append({"on": "article", "note": reviewed.article_note})
    for on, table in (("mention", reviewed.mention_notes), ("quote", reviewed.quote_notes)):
        for (s, t), note in sorted(table.items()):
            a, b = span(s, t)
            out.append({"on": on, "start": a, "end": b, "note": note})
    return out


# -- Markdown -------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~])")


def _md(s: str) -> str:
    """Untrusted text made inert in Markdown and on a terminal: printable, one line, every
    marking character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _squash(printable(s)))


def to_markdown(article: Article, reviewed: ReviewedAnalysis) -> str:
    """A review report for people: status, entities and references, quotes, decisions, notes."""
    a = reviewed.analysis
    text = article.text
    names = {e.id: e.name for e in a.entities}
    out = [
        f"# {_md(article.title)}",
        "",
        f"- Source: {_md(article.source)}",
        f"- Status: **{reviewed.status}**",
    ]
    if reviewed.article_note:
        out.append(f"- Note: {_md(reviewed.article_note)}")
    out += ["", f"## Entities ({len(a.entities)})", ""]
    for e in a.entities:
        out.append(_md_entity(e, reviewed, text))
    out += ["", f"## Quotes ({len(a.quotes)})", ""]
    for i, q in enumerate(a.quotes, start=1):
        speaker = f"**{_md(names[q.speaker])}**" if q.speaker in names else "*speaker unknown*"
        cue = f" ({_md(q.cue)})" if q.cue else ""
        mark = reviewed.quote_mark(q)
        decided = f" — {_md(mark.why)}" if mark.decided else ""
        out.append(f"{i}. {_md(text[q.start : q.end])} — {speaker}{cue}{decided}")
        note = reviewed.note_for(q)
        if note:
            out.append(f"   - Note: {_md(note)}")
    notes = sorted(reviewed.mention_notes.items())
    if notes:
        out += ["", "## Notes on mentions", ""]
        out += [f"- “{_md(text[s:t])}” ({s}–{t}): {_md(n)}" for (s, t), n in notes]
    out += ["", f"## Decisions ({len(reviewed.decisions)})", ""]
    out += [
        f"- {r.created.replace('T', ' ')[:16]} {_md(describe(r.decision))}{_md_by(r)}"
        for r in reviewed.decisions
    ]
    if not reviewed.decisions:
        out.append("None yet.")
    if reviewed.stale:
        out += ["", "## Not applied (the analysis no longer finds what they were about)", ""]
        out += [f"- {_md(describe(r.decision))}" for r in reviewed.stale]
    return "\n".join(out) + "\n"


def _md_by(rec: Recorded) -> str:
    if not rec.reviewer:
        return ""
    return f" — {_md(rec.reviewer)}{' (curator)' if rec.curator else ''}"


def _md_entity(e: Entity, reviewed: ReviewedAnalysis, text: str) -> str:
    mentions = f"{len(e.mentions)} mention{'s' if len(e.mentions) != 1 else ''}"
    line = f"- **{_md(e.name)}** — {e.type}, {mentions}"
    if e.reference is not None:
        ref = e.reference
        origin = (
            reviewed.candidate_mark(e, ref).state
            if (e.id, candidate_key(ref)) in reviewed.candidate_marks
            else ""
        )
        how = f", {origin}" if origin and origin != OPEN else ""
        line += f"; reference: {_md(ref.name)} ({_md(ref.list)}, {ref.score:.0f}{how})"
        # the entry's own words and where they come from: what a fact-checker checks against
        evidence = [_md(part) for part in (ref.description, ref.source) if part]
        if evidence:
            line += f"\n  - {' — '.join(evidence)}"
    others = [
        c for c in e.candidates if e.reference is None or candidate_key(c) != candidate_key(e.reference)
    ]
    if others:
        shown = ", ".join(f"{_md(c.name)} ({reviewed.candidate_mark(e, c).state})" for c in others)
        line += f"; candidates: {shown}"
    mark = reviewed.entity_mark(e)
    if mark.why and mark.state != NONE:
        line += f" — {_md(mark.why)}"
    return line


# -- CSV ------------------------------------------------------------------------------


def csv_rows(article: Article, reviewed: ReviewedAnalysis, *, text: str = "source") -> list[dict[str, Any]]:
    """One row per entity (its state: `reference_state`), one per candidate it was offered
    (each with its own verdict) and one per quote, in the columns of `CSV_FIELDS`."""
    body, span = _view(article, text)
    a = reviewed.analysis
    names = {e.id: e.name for e in a.entities}
    rows: list[dict[str, Any]] = []
    for e in a.entities:
        s, t = span(*e.mentions[0]) if e.mentions else (0, 0)
        notes = [reviewed.mention_notes[m] for m in e.mentions if m in reviewed.mention_notes]
        rows.append(
            {
                "record": "entity",
                "id": e.id,
                "type": e.type,
                "name": e.name,
                "text": body[s:t],
                "start": s,
                "end": t,
                "mentions": len(e.mentions),
                "reference": e.reference.name if e.reference else "",
                "reference_list": e.reference.list if e.reference else "",
                "state": reference_state(e, reviewed),
                "note": " | ".join(notes),
                "decided_by": reference_decider(e, reviewed),
            }
        )
        for c in e.candidates:
            mark = reviewed.candidate_mark(e, c)
            rows.append(
                {
                    "record": "candidate",
                    "id": e.id,
                    "type": e.type,
                    "name": e.name,
                    "reference": c.name,
                    "reference_list": c.list,
                    "state": _verdict_state(mark.state),
                    "decided_by": mark.by,
                }
            )
    for i, q in enumerate(a.quotes, start=1):
        s, t = span(q.start, q.end)
        rows.append(
            {
                "record": "quote",
                "id": f"q{i}",
                "type": q.kind,
                "text": body[s:t],
                "start": s,
                "end": t,
                "state": _verdict_state(reviewed.quote_mark(q).state),
                "speaker": q.speaker or "",
                "speaker_name": names.get(q.speaker or "", ""),
                "note": reviewed.note_for(q),
            }
        )
    for row in rows:
        row["source"] = article.source
    return rows


def reference_state(e: Entity, reviewed: ReviewedAnalysis) -> str:
    """What is decided about the entity's reference, one of `VERDICT_STATES`: "undecided"
    while any candidate waits; else the verdict on the reference it has; else, with no
    reference, "unsure" if a candidate was left unsure, "rejected" if they all were."""
    states = [reviewed.candidate_mark(e, c).state for c in e.candidates]
    if OPEN in states:
        return UNDECIDED
    if e.reference is not None:
        mark = reviewed.candidate_marks.get((e.id, candidate_key(e.reference)))
        return MATCHED if mark is None else _verdict_state(mark.state)  # not offered: the analysis's
    if UNSURE in states:
        return UNSURE
    if states and all(state == REJECTED for state in states):
        return REJECTED
    return NONE


def reference_decider(e: Entity, reviewed: ReviewedAnalysis) -> str:
    """Who decided the entity's reference: the reviewer (or curator) whose verdict on it
    stands; '' when the analysis's own match or nobody's verdict holds it."""
    if e.reference is None:
        return ""
    mark = reviewed.candidate_marks.get((e.id, candidate_key(e.reference)))
    return mark.by if mark is not None else ""


def _verdict_state(state: str) -> str:
    return UNDECIDED if state == OPEN else state


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO, *, header: bool = True) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, restval="", lineterminator="\n")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})


def _cell(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = printable(value)  # the text column holds the source span, escapes and all
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# -- span JSONL (Prodigy, doccano) ----------------------------------------------------


def to_spans(article: Article, reviewed: ReviewedAnalysis, *, text: str = "source") -> dict[str, Any]:
    """`{"text", "spans": [{"start", "end", "label"}], "meta"}`: one line of JSONL per article."""
    body, span = _view(article, text)
    spans = []
    for e in reviewed.analysis.entities:
        for m in e.mentions:
            s, t = span(*m)
            spans.append({"start": s, "end": t, "label": e.type.upper()})
    spans.sort(key=lambda d: (d["start"], d["end"]))
    meta = {"source": article.source, "title": article.title, "status": reviewed.status}
    return {"text": body, "spans": spans, "meta": meta}


# -- brat standoff --------------------------------------------------------------------


def to_brat(article: Article, reviewed: ReviewedAnalysis, *, text: str = "source") -> tuple[str, str]:
    """(`.txt`, `.ann`): text-bound mentions and quotes, speakers, references, notes."""
    body, span = _view(article, text)
    bound: list[str] = []
    ids: dict[tuple[str, Span], str] = {}

    def textbound(kind: str, label: str, s: int, t: int) -> str:
        if (kind, (s, t)) not in ids:
            key = ids[(kind, (s, t))] = f"T{len(ids) + 1}"
            pieces = _fragments(body, *span(s, t))
            where = ";".join(f"{a} {b}" for a, b in pieces)
            shown = " ".join(_squash(body[a:b]) for a, b in pieces)
            bound.append(f"{key}\t{label} {where}\t{shown}")
        return ids[(kind, (s, t))]

    equivs: list[str] = []
    norms: list[str] = []
    attributes: list[str] = []
    notes: list[tuple[str, str]] = []
    for e in reviewed.analysis.entities:
        tids = [textbound("m", _brat_label(e.type), *m) for m in e.mentions]
        state = reference_state(e, reviewed)
        if tids and state != NONE:
            attributes.append(f"A{len(attributes) + 1}\t{BRAT_VERDICT} {tids[0]} {state}")
            decider = reference_decider(e, reviewed)
            if decider:
                notes.append((tids[0], f"{state} by {decider}"))
        notes += [
            (tids[i], reviewed.mention_notes[m])
            for i, m in enumerate(e.mentions)
            if m in reviewed.mention_notes
        ]
        if len(tids) > 1:
            equivs.append(f"*\tEquiv {' '.join(tids)}")
        if e.reference is not None and tids:
            ref = _brat_reference(e.reference.list, e.reference.entry_id or e.reference.name)
            norms.append(f"N{len(norms) + 1}\tReference {tids[0]} {ref}\t{_squash(e.reference.name)}")
    relations: list[str] = []
    for q in reviewed.analysis.quotes:
        qid = textbound("q", "Quote", q.start, q.end)
        if reviewed.note_for(q):
            notes.append((qid, reviewed.note_for(q)))
        said_by = q.speaker_span or _first_mention(reviewed, q)
        if said_by is not None and ("m", said_by) in ids:
            relations.append(f"R{len(relations) + 1}\tSpeaker Arg1:{qid} Arg2:{ids[('m', said_by)]}")
    lines = bound + relations + equivs + attributes + norms
    lines += [f"#{i}\tAnnotatorNotes {target}\t{_squash(n)}" for i, (target, n) in enumerate(notes, start=1)]
    return body, "\n".join(lines) + ("\n" if lines else "")


BRAT_VERDICT = "Verdict"
BRAT_CONF = "annotation.conf"


def annotation_conf(anns: Iterable[str]) -> str:
    """brat's `annotation.conf` for a folder holding these `.ann` files: every entity label
    they use, the Speaker relation, Equiv, and the Verdict attribute with its values."""
    labels = {"Quote"}
    for ann in anns:
        for line in ann.splitlines():
            if line.startswith("T"):
                labels.add(line.split("\t")[1].split(" ", 1)[0])
    entities = [*sorted(labels - {"Quote"}), "Quote"]
    return "\n".join(
        [
            "[entities]",
            *entities,
            "",
            "[relations]",
            f"Speaker\tArg1:Quote, Arg2:{'|'.join(entities[:-1]) or '<ENTITY>'}",
            "Equiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive",
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            "",
            "[events]",
            "",
            "[attributes]",
            f"{BRAT_VERDICT}\tArg:<ENTITY>, Value:{'|'.join(v for v in VERDICT_STATES if v != NONE)}",
            "",
        ]
    )


def _brat_reference(list_name: str, entry: str) -> str:
    """`DB:ID` for a normalisation; an id that already starts with its list's name keeps it once."""
    db = re.sub(r"\s+", "_", list_name) or "list"
    entry = re.sub(r"\s+", "_", entry)
    return entry if entry.startswith(f"{db}:") else f"{db}:{entry}"


def _first_mention(reviewed: ReviewedAnalysis, q: Quote) -> Span | None:
    e = reviewed.analysis.entity(q.speaker) if q.speaker else None
    return e.mentions[0] if e and e.mentions else None


def _brat_label(entity_type: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", entity_type).capitalize() or "Entity"


def _fragments(text: str, start: int, end: int) -> list[Span]:
    """A span cut at line breaks, as brat wants; blank pieces dropped."""
    pieces = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append((a, b))
    return pieces or [(start, end)]


# -- the formats ----------------------------------------------------------------------

Renderer = Callable[..., Any]  # (article, reviewed, *, text) -> one article's export


def _no_folder_files(files: Sequence[dict[str, str]]) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class ExportFormat:
    """One way to write reviews out, as the command line and the palette offer it.

    `render` makes one article's export (a report, a document, rows, a record, brat's
    pair of texts). `stream` writes the exports of a run as one text for standard output
    (`many`: the run was of several articles, or of a folder or a feed); None for a format
    that goes to files only. A format of one file per article writes there what it
    streams for that article alone; one of several files renders their texts, in the
    order of `suffixes`. `folder_files` are the files, by name, that a folder of these
    exports needs once, made from the files of every export in it.
    """

    name: str  # as typed: `--format NAME`, the palette's `export('NAME')`
    label: str  # as shown: "Export review as LABEL…"
    help: str  # what it holds, for `newsreader export --help`
    suffixes: tuple[str, ...]
    render: Renderer
    stream: Callable[[Sequence[Any], bool], str] | None = None
    folder_files: Callable[[Sequence[dict[str, str]]], dict[str, str]] = _no_folder_files

    @property
    def streams(self) -> bool:
        """Whether it can go to standard output; if not, it is written as files only."""
        return self.stream is not None

    def files(self, article: Article, reviewed: ReviewedAnalysis, *, text: str = "source") -> dict[str, str]:
        """One article's export as the contents of its files, by suffix: {".md": ...}."""
        export = self.render(article, reviewed, text=text)
        if self.stream is not None and len(self.suffixes) == 1:
            return {self.suffixes[0]: self.stream([export], False)}
        return dict(zip(self.suffixes, export, strict=True))


def _report(article: Article, reviewed: ReviewedAnalysis, *, text: str) -> str:
    return to_markdown(article, reviewed)  # a report for people quotes the text the reader shows


def _reports(reports: Sequence[str], many: bool) -> str:
    return "\n---\n\n".join(reports)


def _documents(docs: Sequence[dict[str, Any]], many: bool) -> str:
    return contract.dumps(docs if many else docs[0], indent=2) + "\n" if docs else ""


def _table(rows_of_each: Sequence[list[dict[str, Any]]], many: bool) -> str:
    buf = io.StringIO()
    write_csv([row for rows in rows_of_each for row in rows], buf)  # one header for the run
    return buf.getvalue()


def _lines(records: Sequence[dict[str, Any]], many: bool) -> str:
    return "".join(contract.dumps(record) + "\n" for record in records)


def _brat_folder(files: Sequence[dict[str, str]]) -> dict[str, str]:
    return {BRAT_CONF: annotation_conf(f[".ann"] for f in files)} if files else {}


FORMATS = (
    ExportFormat("md", "Markdown", "review report", (".md",), _report, _reports),
    ExportFormat("json", "JSON", "reviewed analysis", (".json",), to_json, _documents),
    ExportFormat("csv", "CSV", "entities and quotes", (".csv",), csv_rows, _table),
    ExportFormat("spans", "spans", "JSONL of mention spans", (".jsonl",), to_spans, _lines),
    ExportFormat(
        "brat", "brat", ".txt + .ann standoff", (".txt", ".ann"), to_brat, folder_files=_brat_folder
    ),
)


def named(name: str) -> ExportFormat:
    """The format called `name`; ValueError for a name no format has."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise ValueError(f"unknown export format {name!r} (use one of: {', '.join(f.name for f in FORMATS)})")
