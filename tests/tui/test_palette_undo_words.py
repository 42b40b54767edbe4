"""The palette's export and backup, u / U on this window's own changes, and the words (issue
14, items 5, 10 and the cosmetic ones)."""

from __future__ import annotations

from pathlib import Path

from pilot import drive

from ssi_tui.config import Settings
from ssi_tui.i18n import _
from ssi_tui.journal import Journal, open_journal


def palette(app) -> dict[str, object]:
    return {str(c.title): c.callback for c in app.get_system_commands(app.screen)}


def test_export_and_backup_from_the_palette(journal: Journal, frozen_clock: str) -> None:
    journal.log_event(kind="comment", note="-5 good call")
    toasts: list[str] = []

    async def scenario(app, pilot) -> None:
        commands = palette(app)
        commands["Export the journal as CSV"]()
        await app.workers.wait_for_complete()
        await pilot.pause()
        commands["Back up the journal"]()
        await app.workers.wait_for_complete()
        await pilot.pause()
        toasts.extend(n.message for n in app._notifications)

    drive(journal, scenario)
    exports = journal.path.parent / "exports"
    assert sorted(p.name for p in exports.iterdir()) == [
        "events-2026-11-23.csv", "indicators-2026-11-23.csv", "invitations-2026-11-23.csv",
        "readings-2026-11-23.csv"]
    assert "'-5 good call" in (exports / "events-2026-11-23.csv").read_text(encoding="utf-8")
    backups = list((journal.path.parent / "backups").glob("*"))
    assert backups and any(f"Backup saved: {b}" in toasts for b in backups)
    assert any(t.startswith("Exported events, invitations, readings, indicators to ")
               for t in toasts)


def test_u_undoes_this_windows_change_and_U_redoes_it(journal: Journal, frozen_clock: str,
                                                     db_path: Path) -> None:
    toasts: list[str] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("s")
        await pilot.pause()
        other = open_journal(db_path, Settings(timezone="Europe/Paris"))  # another process
        other.log_event(kind="like", count=3)
        other.close()
        await pilot.press("u")
        await pilot.pause()
        assert sorted(e.kind for e in journal.events()) == ["like"]
        await pilot.press("U")
        await pilot.pause()
        toasts.extend(n.message for n in app._notifications)

    drive(journal, scenario)
    assert sorted(e.kind for e in journal.events()) == ["like", "search"]
    assert any(t.startswith("Undid change #") and "search" in t for t in toasts)
    assert any(t.startswith("Redid change #") for t in toasts)


def test_french_undo_is_not_cancel_and_ctrl_c_speaks_french(journal: Journal,
                                                            frozen_clock: str,
                                                            french: None) -> None:
    toasts: list[tuple[str, str]] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("ctrl+c")
        await pilot.pause()
        toasts.extend((n.title, n.message) for n in app._notifications)

    drive(journal, scenario)
    assert _("Undo") != _("Cancel")
    assert toasts == [("Voulez-vous quitter ?", "Appuyez sur q pour quitter l'application")]


def test_one_entry_is_singular(journal: Journal, frozen_clock: str) -> None:
    journal.log_event(kind="login")

    async def scenario(app, pilot) -> None:
        await pilot.press("J")
        await pilot.pause()
        assert app.screen.sub_title == "1 entry"

    drive(journal, scenario)
