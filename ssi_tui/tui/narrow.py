"""Footers that fit 60 columns: under `WIDE` a screen's footer turns compact and leaves out the
screen keys (J T S ?, which the palette and the dashboard list), so the screen's own keys, Quit
and the palette show whole in every language instead of being cut at the edge."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding
from textual.widgets import Footer

WIDE = 80
"""From this width the footer shows everything, as it always did."""


class NarrowFooter:
    """Mixin for a Screen with a Footer (list it first): call `fit_footer` on resize."""

    def fit_footer(self, width: int) -> None:
        narrow = width < WIDE
        self.query_one(Footer).compact = narrow  # type: ignore[attr-defined]
        if narrow != self.has_class("-narrow"):  # type: ignore[attr-defined]
            self.set_class(narrow, "-narrow")  # type: ignore[attr-defined]
            self.refresh_bindings()  # type: ignore[attr-defined]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows: under `WIDE` columns, not the screen keys."""
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        if not self.has_class("-narrow"):  # type: ignore[attr-defined]
            return active
        return {key: a._replace(binding=replace(a.binding, show=False))
                if (a.binding.id or "").startswith("screen.") else a
                for key, a in active.items()}
