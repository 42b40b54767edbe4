"""The reading form shows what it read from a pasted page before saving (pillars, total, ranks,
averages), saves the averages with the reading, and saves nothing when the page fails its
cross-check."""

from __future__ import annotations

from pilot import drive

from ssi_tui.journal import Journal

PAGE = (
    "Your Social Selling Index\n42\nout of 100\n"
    "Top\nIndustry SSI rank\n5\n%\nTop\nNetwork SSI rank\n20\n%\n"
    "13.118\nEstablish your professional brand\n8.75\nFind the right people\n"
    "10.2\nEngage with insights\n9.9\nBuild relationships\n"
    "People in your industry have an average SSI of 31.\n"
    "People in your network have an average SSI of 38.\n"
)


def paste_and_save(journal: Journal, text: str) -> dict[str, str]:
    from textual.widgets import Input, Static

    shown: dict[str, str] = {}

    async def scenario(app, pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#paste").load_text(text)
        await pilot.pause()
        shown["preview"] = str(app.screen.query_one("#paste-preview", Static).content)
        shown["problem"] = str(app.screen.query_one("#err-paste", Static).content)
        shown["brand"] = app.screen.query_one("#f-brand", Input).value
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown["after"] = type(app.screen).__name__

    drive(journal, scenario)
    return shown


def test_the_form_previews_the_page_and_saves_the_averages(journal: Journal,
                                                          frozen_clock: str) -> None:
    shown = paste_and_save(journal, PAGE)
    assert shown["preview"].splitlines() == [
        "Establish your professional brand 13.118, Find the right people 8.75,"
        " Engage with insights 10.2, Build relationships 9.9",
        "Total 41.968/100, the page shows 42: checked",
        "Your industry: you rank in the top 5%, average SSI 31",
        "Your network: you rank in the top 20%, average SSI 38",
    ]
    [reading] = journal.readings()
    assert reading.pillars == {"brand": 13.118, "people": 8.75, "insights": 10.2,
                               "relationships": 9.9}
    assert (reading.industry_rank, reading.network_rank) == (5, 20)
    assert (reading.industry_avg, reading.network_avg) == (31, 38)


def test_a_page_that_fails_its_check_fills_nothing_and_saves_nothing(journal: Journal,
                                                                     frozen_clock: str) -> None:
    shown = paste_and_save(journal, PAGE.replace("42\nout of 100", "50\nout of 100"))
    assert shown["problem"].startswith("Not filled: total: the page shows 50 out of 100")
    assert shown["brand"] == ""
    assert shown["after"] == "ReadingForm"
    assert journal.readings() == []
