"""Readings as scrapers record them: float noise (`8.750002`, the page's own `13.118002`) is
rounded to the 3 decimals LinkedIn shows and accepted, from every way in."""

from __future__ import annotations

from ssi_tui.journal import Journal


def test_float_noise_is_rounded_not_refused(journal: Journal) -> None:
    reading = journal.add_reading(brand=13.118002, people="8.750002", insights=10.2,
                                  relationships=9.899999, industry_avg=31.0000004)
    assert reading.pillars == {"brand": 13.118, "people": 8.75, "insights": 10.2,
                               "relationships": 9.9}
    assert reading.industry_avg == 31
    [stored] = journal.readings()
    assert stored.pillars == reading.pillars
