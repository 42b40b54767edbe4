"""Forms at 80×24 (issue 14, item 8): title, instructions, fields and buttons on screen, nothing
past the dialog's border, the footer with the form's keys; every bad field reported at once, in
words a user understands, in the interface language; whole numbers read as the interface
prints them."""

from __future__ import annotations

import pytest
from pilot import drive
from textual.geometry import Region
from textual.widgets import Button, Footer, Input, Select, Static

from ssi_tui.i18n import set_language
from ssi_tui.journal import Journal
from ssi_tui.tui.forms.base import FormScreen

FORM_KEYS = ["i", "o", "r", "w", "p"]


def inside(inner: Region, outer: Region) -> bool:
    return outer.contains_region(inner)



@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("key", FORM_KEYS)
def test_every_form_fits_80x24(journal: Journal, frozen_clock: str, key: str,
                               language: str) -> None:
    journal.add_invitation(personalized=True, contact="Ada")
    set_language(language)

    async def scenario(app, pilot) -> None:
        await pilot.press(key)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        screen = Region(0, 0, 80, 24)
        body = form.query_one(".form-body").region
        footer = form.query_one(Footer).region
        assert inside(body, screen) and body.bottom <= footer.y
        for widget in (form.query_one(".title"), form.query_one(".instructions"),
                       *form.query(Button)):
            assert inside(widget.region, body), widget
            assert widget.region.height >= 1, widget
        for widget in form.query(".form-fields *"):
            if widget.region:
                assert widget.region.right <= body.right and widget.region.x >= body.x, widget
        footer_text = " ".join(str(w.render()) for w in form.query_one(Footer).query("*"))
        assert not any(word in footer_text.split() for word in ("Login", "Connexion", "View2"))
        save = "Save" if language == "en" else "Enregistrer"
        assert save in footer_text, footer_text
        for select in form.query(Select):  # an open dropdown stays inside the dialog
            select.focus()
            await pilot.press("enter")
            await pilot.pause()
            overlay = select.query_one("SelectOverlay")
            assert select.expanded
            assert inside(overlay.region, body), (overlay.region, body)
            await pilot.press("escape")
            await pilot.pause()

    try:
        drive(journal, scenario, size=(80, 24))
    finally:
        set_language("en")


def test_every_bad_field_at_once_in_plain_words(journal: Journal, frozen_clock: str) -> None:
    errors: dict[str, str] = {}

    async def scenario(app, pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        for name, value in (("brand", "26"), ("people", "abc"), ("insights", "-1"),
                            ("relationships", "10"), ("industry_rank", "0")):
            app.screen.query_one(f"#f-{name}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        for name in ("brand", "people", "insights", "relationships", "industry_rank"):
            errors[name] = str(app.screen.query_one(f"#err-{name}", Static).render())

    drive(journal, scenario, size=(80, 24))
    assert errors == {"brand": "must be 25 or less", "people": "'abc' is not a number",
                      "insights": "must be 0 or more", "relationships": "",
                      "industry_rank": "must be more than 0"}
    assert journal.readings() == []


def test_every_bad_field_at_once_in_french(journal: Journal, frozen_clock: str,
                                           french: None) -> None:
    errors: dict[str, str] = {}

    async def scenario(app, pilot) -> None:
        await pilot.press("w")
        await pilot.pause()
        for name, value in (("profile_views_90d", "12,5"), ("followers", "-3"),
                            ("connections", "40 000")):
            app.screen.query_one(f"#f-{name}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        for name in ("profile_views_90d", "followers", "connections"):
            errors[name] = str(app.screen.query_one(f"#err-{name}", Static).render())

    drive(journal, scenario, size=(80, 24))
    assert errors == {"profile_views_90d": "'12,5' n'est pas un nombre entier",
                      "followers": "doit valoir au moins 0",
                      "connections": "doit valoir 30\u202f000 au plus"}
    assert journal.indicators() == []


@pytest.mark.parametrize(("typed", "saved"), [
    ("1\u202f234", 1234), ("1\u00a0234", 1234), ("1 234", 1234), ("640", 640),
])
def test_whole_numbers_as_french_prints_them(journal: Journal, frozen_clock: str, french: None,
                                             typed: str, saved: int) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#f-followers", Input).value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is app.dashboard

    drive(journal, scenario, size=(80, 24))
    assert journal.indicators()[0].followers == saved
