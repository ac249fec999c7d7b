"""Every key binding of the reader, with the id a user remaps it by, in one place.

Widgets take their `BINDINGS` from here and the help screen and the command palette list
these same objects, so a key cannot work without being documented. One id may be bound in
several widgets (`n` in the article and in the entities pane); remapping it moves all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding


def _key(keys: str, action: str, word: str, id: str, explanation: str, *, show: bool = True) -> Binding:
    """A binding: `word` is what the footer shows, `explanation` what help and tooltips say."""
    return Binding(keys, action, word, show=show, id=id, tooltip=explanation)


# -- anywhere on the reader screen ----------------------------------------------------
NEXT_PANE = _key(
    "tab", "screen.next_pane", "pane", "next_pane", "next pane (article, entities, quotes, cross-reference)"
)
PREVIOUS_PANE = _key(
    "shift+tab", "screen.previous_pane", "previous pane", "previous_pane", "previous pane", show=False
)
JUMP_BACK = _key(
    "ctrl+o,alt+left", "screen.jump_back", "back", "jump_back", "back to where you jumped from", show=False
)
JUMP_FORWARD = _key(
    "ctrl+i,alt+right",
    "screen.jump_forward",
    "forward",
    "jump_forward",
    "forward again (alt+→ where the terminal reads ^i as tab)",
    show=False,
)
SEARCH = _key(
    "slash", "screen.search", "search", "search", "search the article, or the rows of the focused pane"
)
CLEAR_SEARCH = _key(
    "escape",
    "screen.clear_search",
    "clear",
    "clear_search",
    "stop searching: {next_same} and {previous_same} follow the entity again",
    show=False,
)
COPY = _key(
    "y", "screen.copy", "copy", "copy", "copy the mention or quote (OSC 52, works over SSH)", show=False
)
DETAILS = _key(
    "i",
    "screen.details",
    "details",
    "details",
    "the row or mention in full: entry, source, why; a quote",
    show=False,
)
COPY_LINK = _key(
    "Y",
    "app.copy_link",
    "copy link",
    "copy_link",
    "copy the article's link (its URL, else its file's path); in the list, the row's",
    show=False,
)
HELP = _key("question_mark", "app.help", "help", "help", "list every key")
NEXT_ARTICLE = _key(
    "greater_than_sign",
    "app.next_article",
    "next article",
    "next_article",
    "the folder's next article",
    show=False,
)
PREVIOUS_ARTICLE = _key(
    "less_than_sign",
    "app.previous_article",
    "previous article",
    "previous_article",
    "the folder's previous article",
    show=False,
)
BACK_TO_LIST = _key(
    "escape,backspace",
    "app.back_to_list",
    "list",
    "back_to_list",
    "back to the article list, on the same row (a folder or feed)",
    show=False,
)
NEXT_TO_DECIDE = _key(
    "D",
    "app.next_to_decide",
    "next to decide",
    "next_to_decide",
    "the next article of the list with something left to decide",
    show=False,
)
PALETTE = Binding(
    "ctrl+p",
    "app.command_palette",
    "commands",
    show=False,
    priority=True,
    id="command_palette",
    tooltip="command palette: every action, and the themes",
)
QUIT = _key("q", "app.quit", "quit", "quit", "quit")
# Priority, so it also works while typing in the search field.
QUIT_NOW = Binding(
    "ctrl+q,ctrl+c",
    "app.quit",
    "quit",
    show=False,
    priority=True,
    id="quit_now",
    tooltip="quit, even while typing",
)

# -- the article ----------------------------------------------------------------------
NEXT_MENTION = _key(
    "right_square_bracket", "screen.next_mention", "next", "next_mention", "next mention of any entity"
)
PREVIOUS_MENTION = _key(
    "left_square_bracket",
    "screen.previous_mention",
    "prev",
    "previous_mention",
    "previous mention of any entity",
    show=False,
)
NEXT_SAME = _key(
    "n", "screen.next_same", "same", "next_same", "next mention of the same entity, or next search hit"
)
PREVIOUS_SAME = _key(
    "N",
    "screen.previous_same",
    "same back",
    "previous_same",
    "previous mention of the entity, or search hit",
    show=False,
)
SPEAKER = _key("s", "screen.speaker", "speaker", "speaker", "from a quote to its speaker")
SCROLL_DOWN = _key("j,down", "scroll_down", "down", "scroll_down", "scroll down", show=False)
SCROLL_UP = _key("k,up", "scroll_up", "up", "scroll_up", "scroll up", show=False)
PAGE_DOWN = _key("pagedown,space", "page_down", "page down", "page_down", "page down", show=False)
PAGE_UP = _key("pageup", "page_up", "page up", "page_up", "page up", show=False)
TOP = _key("g,home", "scroll_home", "top", "top", "top", show=False)
BOTTOM = _key("G,end", "scroll_end", "bottom", "bottom", "bottom", show=False)

# -- the panes (lists) ----------------------------------------------------------------
LIST_DOWN = _key("j,down", "cursor_down", "down", "list_down", "next row", show=False)
LIST_UP = _key("k,up", "cursor_up", "up", "list_up", "previous row", show=False)
LIST_PAGE_DOWN = _key("pagedown", "page_down", "page down", "list_page_down", "page down", show=False)
LIST_PAGE_UP = _key("pageup", "page_up", "page up", "list_page_up", "page up", show=False)
LIST_TOP = _key("g,home", "first", "top", "list_top", "first row", show=False)
LIST_BOTTOM = _key("G,end", "last", "bottom", "list_bottom", "last row", show=False)
JUMP_TO_TEXT = _key(
    "enter", "select", "jump", "jump_to_text", "show the row in the article (an entity: its first mention)"
)
TYPE_FILTER = _key("t", "screen.type_filter", "type", "type_filter", "show one type of entity at a time")
ACCEPT = _key("a", "screen.decide('accept')", "accept", "accept", "accept the match (or merge suggestion)")
REJECT = _key("x", "screen.decide('reject')", "reject", "reject", "reject the match (or merge suggestion)")
UNSURE = _key("z", "screen.decide('unsure')", "unsure", "unsure", "mark the match unsure", show=False)

# -- reviewing: anywhere on the reader screen, on the chosen row or the cursor's mention --
NEXT_UNDECIDED = _key(
    "d",
    "screen.next_undecided",
    "to decide",
    "next_undecided",
    "next to decide: match, merge, statement with no speaker",
)
UNDO = _key(
    "u",
    "screen.undo",
    "undo",
    "undo",
    "undo the last decision or change (even from before a restart)",
    show=False,
)
ACCEPT_EXACT = _key(
    "E",
    "screen.accept_exact",
    "accept exact",
    "accept_exact",
    "accept every match spelt as the text names it (one undo takes them all back)",
    show=False,
)
CHANGE_TYPE = _key("T", "screen.change_type", "type", "change_type", "change the entity's type", show=False)
MERGE_INTO = _key(
    "M", "screen.merge", "merge", "merge", "merge another entity of the same type into this one", show=False
)
SPLIT = _key(
    "X",
    "screen.split",
    "split",
    "split",
    "split the mention under the cursor off into its own entity",
    show=False,
)
SET_SPEAKER = _key(
    "w", "screen.set_speaker", "who said", "set_speaker", "set or clear who said the quote", show=False
)
NOTE = _key(
    "c",
    "screen.note",
    "note",
    "note",
    "write a note on the mention or quote (else on the article)",
    show=False,
)
SET_STATUS = _key(
    "S",
    "screen.set_status",
    "status",
    "set_status",
    "the article's status: new, in review, reviewed, flagged",
    show=False,
)

# -- the article list (a folder or a feed) -------------------------------------------
OPEN_ARTICLE = _key("enter", "open", "open", "open_article", "open the article (escape comes back)")
LIST_SORT = _key("o", "cycle_sort", "sort", "list_sort", "sort by the next column: title, source, date, …")
LIST_REVERSE = _key("O", "reverse_sort", "reverse", "list_reverse", "reverse the order", show=False)
LIST_FILTER = _key(
    "slash", "filter", "filter", "list_filter", "show the rows whose title or source holds a text"
)
LIST_CANCEL_FILTER = _key(
    "escape",
    "cancel_filter",
    "clear",
    "list_cancel_filter",
    "close the filter, showing every row",
    show=False,
)
LIST_TO_DECIDE = _key(
    "d", "to_decide_only", "to decide", "list_to_decide", "only the articles left to decide"
)
LIST_FLAGGED = _key("f", "flagged_only", "flagged", "list_flagged", "only the flagged articles", show=False)
LIST_STATUS_FILTER = _key(
    "s", "cycle_status", "status", "list_status_filter", "only one status: new, in review, reviewed, flagged"
)
LIST_FLAG = _key("F", "flag", "flag", "list_flag", "flag the article (stored as with S in the article)")
LIST_REVIEWED = _key(
    "R", "mark_reviewed", "reviewed", "list_reviewed", "mark the article reviewed", show=False
)
LIST_SET_STATUS = _key(
    "S", "choose_status", "set status", "list_set_status", "set the article's status", show=False
)

# -- the curator view (C): reviewers' disagreements, settled -----------------------------
CURATOR = _key(
    "C",
    "app.curator",
    "curator",
    "curator",
    "the article's disagreements between reviewers, to settle as curator",
    show=False,
)
LIST_CURATOR = _key(
    "C",
    "app.curator",
    "curator",
    "list_curator",
    "the disagreements between reviewers in every article of the list",
    show=False,
)
CLOSE_CURATOR = _key("escape,q,C", "close", "close", "close_curator", "close the curator view")

# -- the help screen, the search field and the dialogs ---------------------------------
CLOSE_HELP = _key("escape,q,question_mark", "dismiss", "close", "close_help", "close the help")
CANCEL_SEARCH = _key("escape", "cancel", "cancel", "cancel_search", "close the search field")
CANCEL_DIALOG = _key("escape", "cancel", "cancel", "cancel_dialog", "close the dialog, changing nothing")
CHOICE_DOWN = _key(
    "down", "choice_down", "down", "choice_down", "next choice (type to narrow them)", show=False
)
CHOICE_UP = _key("up", "choice_up", "up", "choice_up", "previous choice", show=False)

# -- the detail view (i) ----------------------------------------------------------------
CLOSE_DETAIL = _key("escape,q,i", "dismiss", "close", "close_detail", "close the detail view")
COPY_SOURCE = _key(
    "y", "copy_source", "copy", "copy_source", "copy the reference's source URL (a quote: its text)"
)
DETAIL_DOWN = _key("j,down", "scroll('down')", "down", "detail_down", "scroll the detail down", show=False)
DETAIL_UP = _key("k,up", "scroll('up')", "up", "detail_up", "scroll the detail up", show=False)
DETAIL_PAGE_DOWN = _key(
    "pagedown,space", "scroll('page_down')", "page down", "detail_page_down", "page down", show=False
)
DETAIL_PAGE_UP = _key("pageup", "scroll('page_up')", "page up", "detail_page_up", "page up", show=False)
DETAIL_TOP = _key("g,home", "scroll('home')", "top", "detail_top", "top", show=False)
DETAIL_BOTTOM = _key("G,end", "scroll('end')", "bottom", "detail_bottom", "bottom", show=False)

# The footer has room for few keys at 80 columns: `s` shows there in the Quotes pane only,
# `d` in the article only (the panes' own keys fill their footers).
ARTICLE_SPEAKER = replace(SPEAKER, show=False)
PANE_NEXT_UNDECIDED = replace(NEXT_UNDECIDED, show=False)

SCREEN: list[Binding] = [
    NEXT_PANE,
    PREVIOUS_PANE,
    JUMP_BACK,
    JUMP_FORWARD,
    SEARCH,
    CLEAR_SEARCH,
    COPY,
    DETAILS,
]
REVIEW: list[Binding] = [
    NEXT_UNDECIDED,
    UNDO,
    ACCEPT_EXACT,
    CHANGE_TYPE,
    MERGE_INTO,
    SPLIT,
    SET_SPEAKER,
    NOTE,
    SET_STATUS,
    CURATOR,
]
APP: list[Binding] = [HELP, PALETTE, QUIT, QUIT_NOW, NEXT_ARTICLE, PREVIOUS_ARTICLE, COPY_LINK]
TRIAGE_APP: list[Binding] = [BACK_TO_LIST, NEXT_TO_DECIDE]  # a folder's or feed's reader, over its list
ARTICLE: list[Binding] = [
    NEXT_MENTION,
    PREVIOUS_MENTION,
    NEXT_SAME,
    PREVIOUS_SAME,
    ARTICLE_SPEAKER,
    SCROLL_DOWN,
    SCROLL_UP,
    PAGE_DOWN,
    PAGE_UP,
    TOP,
    BOTTOM,
]
LIST: list[Binding] = [
    LIST_DOWN,
    LIST_UP,
    LIST_PAGE_DOWN,
    LIST_PAGE_UP,
    LIST_TOP,
    LIST_BOTTOM,
    JUMP_TO_TEXT,
]
LIST_MOVES: list[Binding] = [LIST_DOWN, LIST_UP, LIST_PAGE_DOWN, LIST_PAGE_UP, LIST_TOP, LIST_BOTTOM]
ARTICLE_LIST: list[Binding] = [
    OPEN_ARTICLE,
    LIST_SORT,
    LIST_REVERSE,
    LIST_FILTER,
    LIST_CANCEL_FILTER,
    LIST_TO_DECIDE,
    LIST_FLAGGED,
    LIST_STATUS_FILTER,
    LIST_FLAG,
    LIST_REVIEWED,
    LIST_SET_STATUS,
    LIST_CURATOR,
]
DECISIONS: list[Binding] = [ACCEPT, REJECT, UNSURE]
CURATOR_VIEW: list[Binding] = [CLOSE_CURATOR, *DECISIONS]  # the list's moves are its rows'
ENTITIES: list[Binding] = [*LIST, NEXT_SAME, PREVIOUS_SAME, TYPE_FILTER, *DECISIONS, PANE_NEXT_UNDECIDED]
QUOTES: list[Binding] = [*LIST, SPEAKER, PANE_NEXT_UNDECIDED]
XREF: list[Binding] = [*LIST, *DECISIONS, PANE_NEXT_UNDECIDED]
DIALOG: list[Binding] = [CANCEL_DIALOG, CHOICE_DOWN, CHOICE_UP]
DETAIL: list[Binding] = [
    CLOSE_DETAIL,
    COPY_SOURCE,
    DETAIL_DOWN,
    DETAIL_UP,
    DETAIL_PAGE_DOWN,
    DETAIL_PAGE_UP,
    DETAIL_TOP,
    DETAIL_BOTTOM,
]

# What the help screen shows, in order; every id appears once.
HELP_SECTIONS: list[tuple[str, list[Binding]]] = [
    ("Anywhere", [*SCREEN, *APP]),
    ("Article", ARTICLE),
    ("Article list (a folder or feed)", [*ARTICLE_LIST, *TRIAGE_APP]),
    ("Panes (lists)", LIST),
    ("Entities", [TYPE_FILTER]),
    ("Entities and cross-reference", DECISIONS),
    ("Reviewing (anywhere)", REVIEW),
    ("Dialogs", DIALOG),
    ("Detail view", DETAIL),
    ("Curator view", [CLOSE_CURATOR]),
]

# The bindings in force together (a focused widget's, its screen's and the app's): within
# one, a key may mean one thing only. A modal screen's own keys shadow the app's.
CONTEXTS: list[tuple[str, list[Binding]]] = [
    ("the article", [*SCREEN, *REVIEW, *APP, *ARTICLE]),
    ("the Entities pane", [*SCREEN, *REVIEW, *APP, *ENTITIES]),
    ("the Quotes pane", [*SCREEN, *REVIEW, *APP, *QUOTES]),
    ("the Cross-reference pane", [*SCREEN, *REVIEW, *APP, *XREF]),
    ("the article list", [*APP, *ARTICLE_LIST, *LIST_MOVES]),
    ("a dialog", DIALOG),
    ("the detail view", DETAIL),
    ("the curator view", [*CURATOR_VIEW, *LIST_MOVES]),
    ("the help", [CLOSE_HELP]),
]

ALL: list[Binding] = [
    *SCREEN,
    *APP,
    *ARTICLE,
    *LIST,
    *ARTICLE_LIST,
    *TRIAGE_APP,
    TYPE_FILTER,
    *DECISIONS,
    *REVIEW,
    *DIALOG,
    *DETAIL,
    CLOSE_HELP,
    CANCEL_SEARCH,
    CLOSE_CURATOR,
]


def binding_ids() -> set[str]:
    return {b.id for b in ALL if b.id}


def keys_for(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys a binding answers to under a keymap."""
    return [k.strip() for k in keymap.get(binding.id or "", binding.key).split(",")]
