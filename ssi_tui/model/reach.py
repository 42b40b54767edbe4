"""Reach of your posts by total SSI (article 1, 'Un score SSI LinkedIn plus élevé entraîne une
plus grande portée de vos posts'). Reach 100 is what the article calls "average".

The model gives the band's edges and multiplier; the faces word its name and the advice
(views/texts.reach_name, reach_advice)."""

from __future__ import annotations

from dataclasses import dataclass

TARGET = 75.0
"""'je vous préconise de chercher à toujours avoir un SSI LinkedIn supérieur à 75'"""
NOT_WORTH_IT = 90.0
"""'je vous déconseille de chercher à obtenir un SSI LinkedIn supérieur à 90'"""


@dataclass(frozen=True, slots=True)
class Reach:
    low: float
    high: float | None
    """Exclusive upper edge; None for the top band."""
    multiplier: float | None
    """Reach relative to average (1.0 = 100); None below 45, where the article gives no figure."""

    @property
    def code(self) -> str:
        """The band as a stable id: "below-45", "45-60", "60-75", "75-90", "90+"."""
        if self.high is None:
            return f"{self.low:g}+"
        if self.multiplier is None:
            return f"below-{self.high:g}"
        return f"{self.low:g}-{self.high:g}"


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
    return Reach(low, high, multiplier)
