"""Footers that fit 60 columns: under `WIDE` a screen's footer turns compact and leaves out the
keys its screen names in `NARROW_HIDES` (by default the screen keys J T S ?, which the palette
and the help list), so the screen's own keys, Quit and the palette show whole in every
language instead of being cut at the edge."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.binding import ActiveBinding
from textual.widgets import Footer

WIDE = 80
"""From this width the footer shows everything, as it always did."""


class NarrowFooter:
    """Mixin for a Screen with a Footer (list it first): call `fit_footer` on resize."""

    NARROW_HIDES: ClassVar[tuple[str, ...]] = ("screen.",)
    """Binding ids the footer leaves out under `WIDE` columns (an id ending in "." stands for
    every id it begins)."""
    WIDE_COMPACT: ClassVar[bool] = False
    """Whether the footer is compact at any width (the dashboard's is)."""
    footer_narrow: bool = False

    def fit_footer(self, width: int) -> None:
        narrow = width < WIDE
        self.query_one(Footer).compact = narrow or self.WIDE_COMPACT  # type: ignore[attr-defined]
        if narrow != self.footer_narrow:
            self.footer_narrow = narrow
            self.refresh_bindings()  # type: ignore[attr-defined]

    def _hidden_when_narrow(self, binding_id: str | None) -> bool:
        return binding_id is not None and any(
            binding_id.startswith(hidden) if hidden.endswith(".") else binding_id == hidden
            for hidden in self.NARROW_HIDES)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows: under `WIDE` columns, not those of `NARROW_HIDES`."""
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        if not self.footer_narrow:
            return active
        return {key: a._replace(binding=replace(a.binding, show=False))
                if self._hidden_when_narrow(a.binding.id) else a
                for key, a in active.items()}
