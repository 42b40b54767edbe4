"""The official-reading form reads LinkedIn's SSI page pasted in French, with or without accents,
whichever wording of the brand pillar the page uses, and fills the fields the French way."""

from __future__ import annotations

import pytest
from pilot import drive

from ssi_tui.journal import Journal
from ssi_tui.journal.ssi_page import read_ssi_page

FRENCH_PAGE = (
    "Votre Social Selling Index\n72\nsur 100\n{brand}\n18,75\nTrouver les bonnes personnes\n"
    "17,5\n{insights}\n16,25\n{relationships}\n19,5\nClassement SSI du secteur\n"
    "Top 4 %\nClassement SSI du réseau\nTop 12 %\n"
)
EXPECTED = {"brand": 18.75, "people": 17.5, "insights": 16.25, "relationships": 19.5,
            "industry_rank": 4.0, "network_rank": 12.0}


@pytest.mark.parametrize(("brand", "insights", "relationships"), [
    ("Construire votre marque professionnelle", "Échanger des informations",
     "Établir des relations"),
    ("Établir votre marque professionnelle", "Échanger des informations",
     "Établir des relations"),
    ("Etablir votre marque professionnelle", "Echanger des informations",
     "Etablir des relations"),
    ("CONSTRUIRE VOTRE MARQUE PROFESSIONNELLE", "ÉCHANGER DES INFORMATIONS",
     "ÉTABLIR DES RELATIONS"),
], ids=["articles", "linkedin-fr", "no-accents", "capitals"])
def test_french_page_text_is_read(brand: str, insights: str, relationships: str) -> None:
    text = FRENCH_PAGE.format(brand=brand, insights=insights, relationships=relationships)
    page = read_ssi_page(text)
    assert {**page.pillars, "industry_rank": page.industry_rank,
            "network_rank": page.network_rank} == EXPECTED
    assert page.total_shown == 72


def test_french_form_fills_with_decimal_commas_and_saves(journal: Journal, frozen_clock: str,
                                                         french: None) -> None:
    from textual.widgets import Input

    shown: dict[str, str] = {}
    pasted = FRENCH_PAGE.format(brand="Construire votre marque professionnelle",
                                insights="Echanger des informations",
                                relationships="Établir des relations")

    async def scenario(app, pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#paste").load_text(pasted)
        await pilot.pause()
        shown.update({name: app.screen.query_one(f"#f-{name}", Input).value
                      for name in ("brand", "people", "industry_rank")})
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(journal, scenario)
    assert shown == {"brand": "18,75", "people": "17,5", "industry_rank": "4"}
    [reading] = journal.readings()
    assert reading.pillars == {"brand": 18.75, "people": 17.5, "insights": 16.25,
                               "relationships": 19.5}
    assert (reading.industry_rank, reading.network_rank) == (4, 12)
