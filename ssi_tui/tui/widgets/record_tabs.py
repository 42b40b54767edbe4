"""The Journal screen's tabs, one per kind of record, labelled to fit the terminal: "1 Entries
2 Invitations …" when that fits, shorter words when not (60 columns), and only the keys beside
the tab shown when even those do not fit. A cut-off last tab would hide a kind of record."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Tab, Tabs

from ssi_tui.i18n import _, pgettext
from ssi_tui.tui.keys import RECORD_KINDS

TAB_PADDING = 2
"""Columns a tab adds around its label (Textual's `Tab { padding: 0 1 }`)."""


def short_labels() -> dict[str, str]:
    """Each kind's word when the full ones do not fit, in the interface language."""
    return {
        # TRANSLATORS: the Journal screen's tabs at about 60 columns; all five together must
        # stay under about 45 characters
        "events": pgettext("narrow tab", "Entries"),
        "invitations": pgettext("narrow tab", "Invites"),
        "readings": pgettext("narrow tab", "Readings"),
        "indicators": pgettext("narrow tab", "Weekly"),
        "checklist": pgettext("narrow tab", "Checklist"),
    }


def tab_labels(width: int, active: str) -> dict[str, str]:
    """Each kind's tab label at `width` columns, `active` being the kind shown: the widest set
    that fits (full words, short words, or the keys with the shown kind's short word)."""
    full = {name: f"{key} {_(label)}" for key, name, label in RECORD_KINDS}
    words = short_labels()
    short = {name: f"{key} {words[name]}" for key, name, _label in RECORD_KINDS}
    for labels in (full, short):
        if sum(cell_len(text) + TAB_PADDING for text in labels.values()) <= width:
            return labels
    return {name: short[name] if name == active else key for key, name, _label in RECORD_KINDS}


class RecordTabs(Tabs, can_focus=False):
    """The kinds of record, as tabs (the digit keys and a click choose one)."""

    def __init__(self, active: str) -> None:
        labels = tab_labels(10_000, active)
        super().__init__(*(Tab(labels[name], id=f"tab-{name}") for _k, name, _l in RECORD_KINDS),
                         active=f"tab-{active}", id="record-kinds")

    def fit(self, width: int) -> None:
        """Label the tabs for `width` columns (called on resize and when the kind changes)."""
        active = (self.active or "").removeprefix("tab-")
        labels = tab_labels(width, active)
        for tab in self.query(Tab):
            name = (tab.id or "").removeprefix("tab-")
            if name in labels and tab.label.plain != labels[name]:
                tab.label = labels[name]
