"""The panes on the right of the article: entities, quotes and cross-references."""

from newsreader.ui.panes.base import Pane, Row
from newsreader.ui.panes.entities import EntitiesPane
from newsreader.ui.panes.quotes import QuotesPane
from newsreader.ui.panes.xref import XrefPane

__all__ = ["EntitiesPane", "Pane", "QuotesPane", "Row", "XrefPane"]
