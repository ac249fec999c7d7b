"""The review's words, named once: verdicts, row states, article statuses, what waits.

The store, the overlay, the exports and the reader's panes all compare these, so each is
spelt here and nowhere else. Imports nothing of newsreader: the reader loads it before
the analysis or the review store.
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

# A reviewer's verdict on a candidate (or, accept / reject only, on a merge suggestion).
Verdict: TypeAlias = Literal["accept", "reject", "unsure"]
ACCEPT: Final = "accept"
REJECT: Final = "reject"
UNSURE_VERDICT: Final = "unsure"
VERDICTS: tuple[Verdict, ...] = (ACCEPT, REJECT, UNSURE_VERDICT)

# How a candidate, an entity or a quote stands once the decisions are laid over the
# analysis. "matched": the analysis's own confident reference, which needs no decision;
# entities are "open" while a candidate is, else "decided", "learned" or "none" (nothing
# to decide); quotes are "decided" once the reviewer set the speaker.
OPEN: Final = "open"
MATCHED: Final = "matched"
ACCEPTED: Final = "accepted"
REJECTED: Final = "rejected"
UNSURE: Final = "unsure"
LEARNED: Final = "learned"  # decided in another article: an alias the store has learned
DECIDED: Final = "decided"
NONE: Final = "none"
STATE_OF_VERDICT: dict[str, str] = {ACCEPT: ACCEPTED, REJECT: REJECTED, UNSURE_VERDICT: UNSURE}
DECIDED_STATES = (ACCEPTED, REJECTED, UNSURE, LEARNED)  # a verdict stands, here or learned
# How each state reads to the reviewer: the detail line, the curator, a decision described.
STATE_WORDS: dict[str, str] = {
    OPEN: "not decided",
    MATCHED: "matched by the analysis, not decided",
    ACCEPTED: "accepted",
    REJECTED: "rejected",
    UNSURE: "marked unsure",
    LEARNED: "learned in another article",
}

# An article's review status: set by the reviewer, else "in review" once anything is decided.
NEW: Final = "new"
IN_REVIEW: Final = "in review"
REVIEWED: Final = "reviewed"
FLAGGED: Final = "flagged"
STATUSES = (NEW, IN_REVIEW, REVIEWED, FLAGGED)

# What waits for a decision (`Pending.kind`), and what a pane row's decision is about.
CANDIDATE: Final = "candidate"  # a reference-list entry offered for an entity
MERGE: Final = "merge"  # two entities of the article that may be one
SPEAKER: Final = "speaker"  # a statement with nobody named as its speaker
MATCH: Final = "match"  # a pane row's entity and reference-list entry

# The attribution rule of a quote whose speaker the reviewer set (or said nobody named).
REVIEWER_RULE: Final = "reviewer"
