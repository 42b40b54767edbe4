"""The Textual screens in French, through the Pilot: what each screen shows is French (titles,
column headers, footer bindings, decimals and dates), no English label of the screens' own files
is left on screen, and English stays as it was."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from pilot import drive
from pilot import terminal_text as screen_text
from textual.widgets import Button, DataTable, Input, Select, Static

from ssi_tui.i18n import _, ngettext, pgettext
from ssi_tui.journal import Journal
from ssi_tui.tui.forms.edits import EditEventForm
from ssi_tui.tui.screens.explain import ExplainScreen
from ssi_tui.tui.screens.help import HelpScreen
from ssi_tui.tui.screens.journal import ConfirmDelete, JournalScreen
from ssi_tui.tui.screens.trends import TrendsScreen

PACKAGE = Path(__file__).resolve().parents[2] / "ssi_tui"
SCREEN_FILES = [*sorted((PACKAGE / "tui" / "screens").glob("*.py")),
                *sorted((PACKAGE / "tui" / "widgets").glob("*.py"))]




def bindings(screen) -> dict[str, str]:
    """The key bindings a screen reports as active, as the footer draws them: id ->
    description."""
    return {a.binding.id: a.binding.description for a in screen.active_bindings.values()
            if a.binding.id}


@cache
def english_labels() -> tuple[tuple[str, str | tuple[str, str], str | None], ...]:
    """The text the screens' files mark for translation: (piece, msgid, context), the piece
    being the literal part worth looking for (the longest one between placeholders)."""
    labels = set()
    for file in SCREEN_FILES:
        for _line, message, _comments, context in extract_from_file(
                "python", str(file), keywords=DEFAULT_KEYWORDS):
            for text in message if isinstance(message, tuple) else (message,):
                piece = max(re.split(r"\{[^}]*\}", text), key=len).strip(" ([:")
                if len(piece) >= 3:
                    labels.add((piece, message, context))
    return tuple(sorted(labels, key=str))


def translation(message: str | tuple[str, str], context: str | None) -> str:
    if isinstance(message, tuple):
        return ngettext(*message, 1) + "\n" + ngettext(*message, 2)
    return pgettext(context, message) if context else _(message)


def english_left(text: str) -> list[str]:
    """English labels of the screens' files visible in `text` (French current), leaving out
    the few that French writes the same (Contact, Note, Points...)."""
    return [piece for piece, message, context in english_labels()
            if piece not in translation(message, context)
            and re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)]


def test_the_extraction_finds_the_screens_labels() -> None:
    labels = {piece for piece, _message, _context in english_labels()}
    assert "Log a habit (dashboard)" in labels and "Today's to-dos" in labels
    assert "Count 7" in labels and "Estimated total, last 90 days" in labels


def test_dashboard_in_french(journal: Journal, frozen_clock: str, french: None) -> None:
    journal.log_event(kind="login")
    journal.log_event(kind="search", count=2)

    async def scenario(app, pilot) -> None:
        screen = app.screen
        text = screen_text(app)
        assert "Total estimé, 90 derniers jours" in text
        assert "Dernier relevé" in text and "aucun (touche r)" in text
        assert "Dernières entrées" in text and "2 × recherche" in text
        assert "Série" in text and "1 jour" in text
        assert re.search(r"À faire aujourd'hui \(\d+ restants?\)", text)
        assert re.search(r"\d,\d/25", text)  # decimal comma in the gauges
        assert "sur 7 jours" in text and "palier" in text
        own = bindings(screen)
        assert own["log.undo"] == "Défaire" and own["log.count_5"] == "Nombre 5"
        assert own["log.day_before"] == "Jour d'avant"
        assert "u Défaire" in text  # the footer shows the translated description
        assert english_left(text) == []
        await pilot.press("5")
        prefix = str(screen.query_one("#prefix", Static).render())
        assert prefix.startswith("nombre : 5× — appuyez")

    drive(journal, scenario, size=(120, 40))


def test_explain_modal_in_french(journal: Journal, frozen_clock: str, french: None) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExplainScreen)
        text = screen_text(app)
        assert "Construire votre marque professionnelle : estimation du modèle 0,0 / 25" in text
        for header in ("Habitude", "Compté / objectif", "Fenêtre"):
            assert header in text
        assert "28 j" in text and "actuel" in text and "Échap ferme" in text
        assert "Source : " in text
        assert english_left(text) == []
        assert bindings(app.screen)["explain.close"] == "Fermer"

    drive(journal, scenario)


def test_help_screen_in_french(journal: Journal, frozen_clock: str, french: None) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for title in ("Noter une habitude (tableau de bord)", "Formulaires", "Écrans"):
            assert title in text
        # the binding ids stay as they are, in brackets
        assert re.search(r"noter : .+  \[log\.search\]", text)
        assert "Ctrl+S / Entrée" in text and "défaire la dernière modification" in text
        assert "Retour" in text  # the footer
        assert english_left(text) == []
        assert bindings(app.screen)["help.back"] == "Retour"

    drive(journal, scenario, size=(120, 60))


def test_journal_screen_in_french(journal: Journal, frozen_clock: str, french: None) -> None:
    journal.log_event(kind="profile_view", degree=3, count=4, contact="Ada")

    async def scenario(app, pilot) -> None:
        await pilot.press("J")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        table = screen.query_one("#entries", DataTable)
        assert [str(c.label) for c in table.columns.values()] == [
            "#", "jour", "type", "nombre", "degré", "contact", "note", "source"]
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[1] == "23 nov. 2026" and row[2] == "vue de profil"
        assert screen.sub_title == "1 entrée"  # French singular
        assert screen.query_one("#filter-kind", Select).prompt == "tous les types"
        assert screen.query_one("#filter-day", Input).placeholder.startswith("AAAA-MM-JJ")
        assert {"journal.edit": "Modifier", "journal.delete": "Supprimer",
                "journal.filter": "Filtrer", "journal.back": "Retour"}.items() \
            <= bindings(screen).items()
        text = screen_text(app)
        assert english_left(text) == []

        # a bad day in the filter: the field stays English, the message is French
        screen.query_one("#filter-day", Input).value = "2026-13-40"
        screen.query_one("#filter-day", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        error = str(screen.query_one("#filter-error", Static).render())
        assert error == "day : '2026-13-40' n'est pas une date comme 2026-11-23"

    drive(journal, scenario)


def test_edit_and_delete_in_french(journal: Journal, frozen_clock: str, french: None) -> None:
    event = journal.log_event(kind="comment", count=2)

    async def scenario(app, pilot) -> None:
        await pilot.press("J")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditEventForm)
        text = screen_text(app)
        assert f"Modifier l'entrée n° {event.id} : commentaire" in text
        labels = [str(label.content) for label in form.query(".field-label")]
        assert "Jour (AAAA-MM-JJ)" in labels
        assert "Degré (2 ou 3, vues de profil seulement)" in labels
        assert english_left(text) == []
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("x")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDelete)
        assert [str(b.label) for b in confirm.query(Button)] == ["Supprimer (y)", "Garder (n)"]
        assert "Supprimer 2 × commentaire le" in screen_text(app)
        assert bindings(confirm)["delete.yes"] == "Oui"
        await pilot.press("y")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Supprimé : 2 × commentaire") for m in messages), messages

    drive(journal, scenario)


def test_trends_screen_in_french(journal: Journal, frozen_clock: str, french: None) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("T")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        summary = str(screen.query_one("#trend-summary", Static).render())
        # no reading: French takes the singular for 0
        assert re.fullmatch(r"Total du modèle \d+,\d \([+-]\d+,\d en 90 jours\) · "
                            r"0 relevé officiel .*", summary), summary
        text = screen_text(app)
        assert "SSI estimé, 90 derniers jours" in text and "total (modèle)" in text
        assert "30/90/365j" in text and "Piliers" in text and "Quitter" in text  # footer
        assert english_left(text) == []

    drive(journal, scenario)


def test_invitation_study_in_french(journal: Journal, frozen_clock: str, french: None) -> None:
    today = journal.today()
    for i in range(6):
        inv = journal.add_invitation(personalized=bool(i % 2), sent_day=today - timedelta(days=40))
        if i < 3:
            journal.set_outcome(inv.id, "accepted", today - timedelta(days=35))
    journal.add_invitation(personalized=True, sent_day=today - timedelta(days=2))
    for _i in range(2):
        journal.add_invitation(personalized=False, sent_day=today - timedelta(days=2))

    async def scenario(app, pilot) -> None:
        await pilot.press("S")
        await pilot.pause()
        text = screen_text(app)
        assert "Invitations personnalisées ou sans message" in text
        assert "Personnalisées" in text and "Sans message" in text
        assert "envoyées" in text and "échange" in text
        # plurals of the pending arms: one personalised, two plain
        assert "1 personnalisée, 2 sans message" in text
        assert re.search(r"Acceptation : test exact de Fisher, p = \d,\d{3}", text)
        assert "Article 2 : l'acceptation n'est que la première étape" in text
        assert english_left(text) == []

    drive(journal, scenario)


def test_english_is_unchanged(journal: Journal, frozen_clock: str) -> None:
    journal.log_event(kind="login")

    async def scenario(app, pilot) -> None:
        own = bindings(app.screen)
        assert own["log.undo"] == "Undo" and own["log.count_5"] == "Count 5"
        text = screen_text(app)
        assert "Today's to-dos (" in text and "Login streak 1 day" in text
        assert re.search(r"\d\.\d/25", text)
        await pilot.press("J")
        await pilot.pause()
        assert app.screen.sub_title == "1 entry"
        row = [str(cell) for cell in app.screen.query_one(DataTable).get_row_at(0)]
        assert row[1] == "2026-11-23"

    drive(journal, scenario)
