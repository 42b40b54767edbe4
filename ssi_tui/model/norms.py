"""The user's own norm: a count far above it is more likely a typo (10000 likes) than a day.

Project's rule: more than 5 times the largest day of that kind so far, and more than 50."""

from __future__ import annotations

NORM_FACTOR = 5
NORM_FLOOR = 50


def unusual_count(count: int, largest_day: int) -> bool:
    """Whether logging `count` at once deserves a confirmation."""
    return count > NORM_FLOOR and count > NORM_FACTOR * largest_day
