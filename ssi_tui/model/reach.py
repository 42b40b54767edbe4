"""Reach of your posts by total SSI (article 1: 'Un score SSI LinkedIn plus élevé entraîne une
plus grande portée de vos posts'). Reach 100 is LinkedIn's "average"."""

from __future__ import annotations

from dataclasses import dataclass

TARGET = 75.0
NOT_WORTH_IT = 90.0


@dataclass(frozen=True, slots=True)
class Reach:
    band: str
    low: float
    high: float | None
    multiplier: float | None
    """Reach relative to average (1.0 = 100); None below 45, where the article gives no figure."""
    advice: str


BANDS: tuple[tuple[float, float | None, float | None], ...] = (
    (0.0, 45.0, None),
    (45.0, 60.0, 0.75),
    (60.0, 75.0, 1.0),
    (75.0, 90.0, 1.25),
    (90.0, None, 1.5),
)


def reach_band(total: float) -> Reach:
    """The band `total` falls in: lower edges belong to their band (45 is in 45–60)."""
    for low, high, multiplier in BANDS:
        if high is None or total < high:
            break
    band = f"{low:.0f}–{high:.0f}" if high is not None else f"{low:.0f}+"
    if high is not None and low == 0:
        band = "below 45"
    if total >= NOT_WORTH_IT:
        advice = "Above 90: further effort is not worth the time it costs (article 1)."
    elif total >= TARGET:
        advice = "Above 75: posts reach 125% of average. Keep the habits; no need to push past 90."
    elif multiplier is None:
        advice = "Below 45 your posts reach less than 75% of average. Aim above 75."
    else:
        advice = f"Posts reach {multiplier:.0%} of average. Aim above 75 for 125%."
    return Reach(band, low, high, multiplier, advice)
