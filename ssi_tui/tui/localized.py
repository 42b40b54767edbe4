"""Key bindings whose descriptions read in the interface language.

Textual merges a class's `BINDINGS` when the class is created, at import, before the language is
known; the descriptions there are English msgids (marked with `N_`). This mixin translates what
a screen reports through Textual's public `active_bindings` (what the footer and the keys panel
draw), so nothing of Textual's own state is rewritten and a change of language shows at once.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from textual.binding import ActiveBinding, Binding

from ssi_tui.i18n import _, current_language


@lru_cache(maxsize=1024)
def _translated(binding: Binding, language: str) -> Binding:
    """`binding` with its texts in `language` (the current one: the cache is keyed on it)."""
    group = binding.group
    return replace(
        binding,
        description=_(binding.description) if binding.description else binding.description,
        tooltip=_(binding.tooltip) if binding.tooltip else binding.tooltip,
        group=replace(group, description=_(group.description)) if group else None,
    )


def translated(binding: Binding) -> Binding:
    return _translated(binding, current_language())


class LocalizedBindings:
    """Mixin for a Screen (list it before the Textual base class): the bindings it reports,
    its widgets' and the app's included, read in the interface language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        return {key: ActiveBinding(a.node, translated(a.binding), a.enabled,
                                   _(a.tooltip) if a.tooltip else a.tooltip)
                for key, a in active.items()}
