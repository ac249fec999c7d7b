"""The user's key remapping: what is applied, what is refused and why, and keys in messages.

`check_keymap` applies a remap only if its keys can reach the reader (Textual can name
them and a terminal sends them, over SSH and in tmux too) and take no key another action
holds where both are in force (`keys.CONTEXTS`); each refusal is one message, which the
reader shows as a notification. `hint` writes a message's keys from the keymap in force
("{undo} undoes" reads "u undoes", or "backspace undoes" after a remap), so no hint names
a key that no longer does what it says.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from textual.keys import REPLACED_KEYS, Keys, format_key, key_to_character

from newsreader.ui import keys

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_KEY_NAMES = frozenset(k.value.rsplit("+", 1)[-1] for k in Keys)
# What a terminal sends by itself, without the kitty keyboard protocol (which tmux and
# most SSH setups do not pass on): these named keys, with ctrl, shift or alt ...
NAMED_KEYS = frozenset(
    {"up", "down", "left", "right", "home", "end", "pageup", "pagedown", "insert", "delete"}
    | {f"f{n}" for n in range(1, 13)}
)
# ... these without ctrl or shift (tab also with shift), and ctrl with a letter or these.
PLAIN_KEYS = frozenset({"tab", "enter", "escape", "backspace", "space"})
CTRL_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz @[\\]^_")
KITTY_ONLY = frozenset({"meta", "super", "hyper"})
_BY_ID = {b.id: b for b in keys.ALL if b.id}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def is_valid_key(key: str) -> bool:
    """True if Textual can report `key` ("ctrl+o", "]", "right_square_bracket", "f5")."""
    *modifiers, name = key.split("+")
    if not name or not set(modifiers) <= MODIFIERS:
        return False
    return len(name) == 1 or name in _KEY_NAMES or key_to_character(name) is not None


def _character(name: str) -> str | None:
    """The printable character a key name stands for ("question_mark": "?"), if any."""
    if len(name) == 1:
        return name
    char = key_to_character(REPLACED_KEYS.get(name, name))  # "slash" is Unicode's "solidus"
    return char if char is not None and char.isprintable() else None


def why_unsendable(key: str) -> str | None:
    """Why a terminal never sends `key` (a valid key name), or None if it does."""
    *listed, name = key.split("+")
    modifiers = set(listed)
    char = _character(name) if name != "space" else None
    if modifiers & KITTY_ONLY:
        return "meta, super and hyper reach only terminals speaking the kitty protocol"
    if char is not None:
        if "ctrl" in modifiers:
            if "shift" in modifiers or char not in CTRL_CHARACTERS:
                return "ctrl goes with a lower-case letter, space or one of @ [ \\ ] ^ _"
            return None
        if "shift" in modifiers and not ("alt" in modifiers and char.isalpha() and char.islower()):
            return f"shift with a character arrives as the shifted character (write {char.upper()!r})"
        if "alt" in modifiers and char.isupper():
            return f"alt with a capital arrives as alt+shift+{char.lower()}"
        return None
    if name in NAMED_KEYS:
        return None
    if name in PLAIN_KEYS:
        if name == "tab" and modifiers == {"shift"}:
            return None
        if name == "space" and modifiers <= {"ctrl", "alt"}:
            return None
        if modifiers <= {"alt"}:
            return None
        return f"{name} is sent without ctrl or shift"
    return f"{name} is not a key of an ordinary keyboard"


def normal_form(key: str) -> str:
    """One spelling per key, so "?" and "question_mark" compare equal."""
    *modifiers, name = key.split("+")
    char = _character(name)
    return "+".join([*sorted(modifiers), char if char is not None and name != "space" else name])


def _clashes(keymap: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    """(remapped id, key, the other id holding it, where) for every key a remap takes."""
    found: list[tuple[str, str, str, str]] = []
    for where, bindings in keys.CONTEXTS:
        holders: dict[str, set[str]] = {}
        for binding in bindings:
            for key in keys.keys_for(binding, keymap):
                holders.setdefault(normal_form(key), set()).add(binding.id or "")
        in_force = {binding.id for binding in bindings}
        for binding_id, value in keymap.items():
            if binding_id not in in_force:
                continue  # a key may mean another thing where this binding is not
            for key in value.split(","):
                others = holders.get(normal_form(key), set()) - {binding_id}
                found += [(binding_id, key, other, where) for other in sorted(others)]
    return found


def check_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split a user's keymap into what can be applied and one message per problem."""
    good: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in keymap.items():
        if binding_id not in _BY_ID:
            problems.append(f"unknown action {binding_id!r} in [keys]")
            continue
        names = [k.strip() for k in value.split(",")]
        bad = [k for k in names if not is_valid_key(k)]
        if bad:
            problems.append(f"unknown key name {bad[0]!r} for {binding_id}; keeping the default")
            continue
        unsendable = [(k, why) for k in names if (why := why_unsendable(k)) is not None]
        if unsendable:
            key, why = unsendable[0]
            problems.append(f"{binding_id} = {key!r}: terminals do not send it ({why}); keeping the default")
            continue
        good[binding_id] = ",".join(names)
    # A refused remap gives its key back, which may clash with another: until none does.
    while clashes := _clashes(good):
        binding_id, key, other, where = clashes[0]
        problems.append(
            f"{binding_id} = {key!r} would take {key} from {other} ({_BY_ID[other].tooltip}) "
            f"in {where}; keeping the default"
        )
        del good[binding_id]
    return good, problems


def key_label(key: str) -> str:
    """A key as messages write it: "]" for right_square_bracket, "esc", "pgdn", "ctrl+o"."""
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, "enter" if name == "enter" else format_key(name)])


def first_key(binding_id: str, keymap: Mapping[str, str]) -> str:
    """The label of the first key of a binding under the keymap."""
    return key_label(keys.keys_for(_BY_ID[binding_id], keymap)[0])


def hint(template: str, keymap: Mapping[str, str]) -> str:
    """`template` with each "{binding_id}" written as that binding's key under the keymap.

    Only literal templates: names and other outside text are joined on afterwards, so a
    brace in them is never read as a placeholder.
    """
    return _PLACEHOLDER.sub(lambda m: first_key(m[1], keymap) if m[1] in _BY_ID else m[0], template)
