"""Reach of your posts by total SSI (article 1, 'Un score SSI LinkedIn plus élevé entraîne une
plus grande portée de vos posts'). Reach 100 is what the article calls "average"."""

from __future__ import annotations

from dataclasses import dataclass

from ssi_tui.i18n import _, number, percent

TARGET = 75.0
"""'je vous préconise de chercher à toujours avoir un SSI LinkedIn supérieur à 75'"""
NOT_WORTH_IT = 90.0
"""'je vous déconseille de chercher à obtenir un SSI LinkedIn supérieur à 90'"""


@dataclass(frozen=True, slots=True)
class Reach:
    band: str
    low: float
    high: float | None
    """Exclusive upper edge; None for the top band."""
    multiplier: float | None
    """Reach relative to average (1.0 = 100); None below 45, where the article gives no figure."""
    advice: str

    @property
    def reach(self) -> str:
        """The reach as the article states it (100 = average)."""
        if self.multiplier is None:
            return _("below 75 (no figure given)")
        return number(self.multiplier * 100, 0)


BANDS: tuple[tuple[float, float | None, float | None], ...] = (
    (0.0, 45.0, None),
    (45.0, 60.0, 0.75),
    (60.0, 75.0, 1.0),
    (75.0, 90.0, 1.25),
    (90.0, None, 1.5),
)


def reach_band(total: float) -> Reach:
    """The band `total` falls in; a lower edge belongs to its band (45 is in 45–60)."""
    low, high, multiplier = BANDS[-1]
    for band in BANDS:
        if band[1] is None or total < band[1]:
            low, high, multiplier = band
            break
    if high is None:
        name = f"{number(low, 0)}+"
    elif multiplier is None:
        name = _("below {high}").format(high=number(high, 0))
    else:
        name = f"{number(low, 0)}–{number(high, 0)}"
    if total >= NOT_WORTH_IT:
        advice = _("Posts reach 150% of average. Above 90, more effort is not worth the time it "
                   "costs (article 1): keep the habits, no more.")
    elif total >= TARGET:
        advice = _("Posts reach 125% of average. Keep it above 75; no need to push past 90.")
    elif multiplier is None:
        advice = _("Posts reach below 75% of average (the article gives no figure). "
                   "Aim above 75 for 125%.")
    else:
        advice = _("Posts reach {reach} of average. Aim above 75 for 125%.").format(
            reach=percent(multiplier))
    return Reach(name, low, high, multiplier, advice)
