"""Key bindings whose descriptions read in the interface language.

Textual merges a class's `BINDINGS` when the class is created, at import, before the language is
known; the descriptions there are English msgids (marked with `N_`). This mixin translates the
instance's copy when a screen, widget or the app is built.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.binding import BindingsMap

from ssi_tui.i18n import _


def translated(bindings: BindingsMap) -> BindingsMap:
    return BindingsMap.from_keys({
        key: [replace(b, description=_(b.description) if b.description else b.description,
                      tooltip=_(b.tooltip) if b.tooltip else b.tooltip,
                      group=replace(b.group, description=_(b.group.description))
                      if b.group else None)
              for b in key_bindings]
        for key, key_bindings in bindings.key_to_bindings.items()
    })


class LocalizedBindings:
    """Mixin (list it before the Textual base class): translate this node's bindings."""

    _bindings: BindingsMap

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bindings = translated(self._bindings)
