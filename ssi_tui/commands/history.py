"""`undo`, `redo` and `history`: the command line's side of the history of changes. Every
command shares one window id ("cli"), so `undo` takes back the last change made from the command
line, whichever command made it; `--id N` picks any change."""

from __future__ import annotations

import json

import click

from ssi_tui.commands.context import Context, Failure, pass_ctx
from ssi_tui.i18n import N_, _


def _finish(result: object, redo: bool) -> None:
    from ssi_tui.journal.describe import undo_message

    message = undo_message(result, redo=redo)  # type: ignore[arg-type]
    if getattr(result, "status", "") in ("conflict", "unknown", "already-undone", "not-undone",
                                         "not-undoable"):
        raise Failure(message)
    click.echo(message)


@click.command(help=N_("Undo the last change made from the command line (any kind: an entry, "
                       "an outcome, a reading, an edit, an import...); --id N undoes change N "
                       "(see `history`)."))
@click.option("--id", "change_id", type=click.IntRange(1), help=N_("The change to undo."))
@pass_ctx
def undo(obj: Context, change_id: int | None) -> None:
    _finish(obj.call(obj.session().undo, change_id), redo=False)


@click.command(help=N_("Redo the change the last `undo` took back (--id N: change N)."))
@click.option("--id", "change_id", type=click.IntRange(1), help=N_("The change to redo."))
@pass_ctx
def redo(obj: Context, change_id: int | None) -> None:
    _finish(obj.call(obj.session().redo, change_id), redo=True)


@click.command(help=N_("List the latest changes to the journal, newest first: what, when, from "
                       "where, and whether undone."))
@click.option("-n", "--limit", type=click.IntRange(1, 10_000), default=20, show_default=True,
              help=N_("How many changes."))
@click.option("--json", "as_json", is_flag=True, help=N_("Machine-readable output."))
@pass_ctx
def history(obj: Context, limit: int, as_json: bool) -> None:
    from ssi_tui.journal.describe import describe_change

    changes = obj.journal().changes(limit=limit)
    if as_json:
        click.echo(json.dumps([{
            "id": c.id, "at": c.at, "surface": c.surface, "window": c.window,
            "action": c.action, "details": c.details, "reverts": c.reverts,
            "undone": c.undone, "rows": c.rows} for c in changes], indent=2))
        return
    if not changes:
        click.echo(_("No changes yet"))
        return
    for c in changes:
        mark = _("(undone)") if c.undone else ""
        click.echo(f"#{c.id:<5} {c.at[:19].replace('T', ' ')}  {c.surface:<15} "
                   f"{describe_change(c)} {mark}".rstrip())
