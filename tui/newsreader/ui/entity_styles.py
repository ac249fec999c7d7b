"""How entity types are shown: the article and the panes style a name the same way.

Colours and cues come from theme variables (`$mention-person`, `$mention-person-style`),
so a theme can change both; types without a style of their own are shown as "other".
"""

from __future__ import annotations

from newsreader.analysis.model import ENTITY_TYPES, OTHER

STYLED_TYPES = ENTITY_TYPES  # every type an entity has is styled; others show as "other"


def style_name(entity_type: str) -> str:
    """`person`, `organization`, `place`, `group` or `other`."""
    return entity_type if entity_type in STYLED_TYPES else OTHER


def name_style(entity_type: str) -> str:
    """The theme's colour and cue for a type, as a Content style (variables resolve there)."""
    kind = style_name(entity_type)
    return f"$mention-{kind} $mention-{kind}-style"
