"""Words for the history: what a change did, and what an undo or redo came to. The history
stores codes and parameters; the command line and the app both word them here, in the
interface language, so they say the same thing."""

from __future__ import annotations

from datetime import date
from typing import Any

from ssi_tui.domain import Event
from ssi_tui.i18n import _, day, integer, ngettext
from ssi_tui.journal.history import Change, UndoResult
from ssi_tui.journal.rows import event_label
from ssi_tui.labels import PROFILE_ITEM_LABELS, STAGE_LABELS

TABLE_WORDS = {
    "events": lambda key: _("entry #{key}").format(key=key),
    "invitations": lambda key: _("invitation #{key}").format(key=key),
    "readings": lambda key: _("the reading of {day}").format(day=_day(key)),
    "indicators": lambda key: _("the indicators of {day}").format(day=_day(key)),
    "profile_checklist": lambda key: _("profile item {item}").format(
        item=PROFILE_ITEM_LABELS.get(key, key)),
}


def _day(value: Any) -> str:
    try:
        return day(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def record_words(table: str | None, key: Any) -> str:
    """'entry #12', 'the reading of 2026-11-23'..."""
    if table in TABLE_WORDS:
        return str(TABLE_WORDS[table](key))
    return f"{table} {key}"


def describe_change(change: Change) -> str:
    """One line: what the change did ('logged 2 × search on 2026-11-23')."""
    d, action = change.details, change.action
    if action == "log":
        label = event_label(Event(0, date.min, d.get("kind", "?"), d.get("count", 1),
                                  d.get("degree"), None, None, ""))
        return _("logged {what} on {day}").format(what=label, day=_day(d.get("day")))
    if action == "invite":
        if d.get("contact"):
            text = (_("personalised invitation #{id} to {contact} sent on {day}")
                    if d.get("personalized") else
                    _("plain invitation #{id} to {contact} sent on {day}"))
        else:
            text = (_("personalised invitation #{id} sent on {day}") if d.get("personalized")
                    else _("plain invitation #{id} sent on {day}"))
        return text.format(id=d.get("id"), contact=d.get("contact"), day=_day(d.get("day")))
    if action == "outcome":
        return _("invitation #{id}: {stage} on {day}").format(
            id=d.get("id"), stage=STAGE_LABELS.get(d.get("stage", ""), d.get("stage")),
            day=_day(d.get("day")))
    if action == "reading":
        return _("official reading of {day}").format(day=_day(d.get("day")))
    if action == "indicators":
        return _("weekly indicators of {day}").format(day=_day(d.get("day")))
    if action == "profile":
        items = d.get("items", {})
        if "item" in d or len(items) == 1:
            item, done = (d["item"], d.get("done")) if "item" in d else next(iter(items.items()))
            text = _("ticked {item}") if done else _("unticked {item}")
            return text.format(item=PROFILE_ITEM_LABELS.get(item, item))
        return ngettext("profile checklist ({n} item)", "profile checklist ({n} items)",
                        len(items)).format(n=integer(len(items)))
    if action == "edit":
        return _("edited {what}").format(what=record_words(d.get("table"), d.get("key")))
    if action == "delete":
        return _("deleted {what}").format(what=record_words(d.get("table"), d.get("key")))
    if action == "csv-import":
        n = int(d.get("rows", 0))
        return ngettext("CSV import of {n} row into {table}",
                        "CSV import of {n} rows into {table}", n).format(
            n=integer(n), table=d.get("table", "?"))
    if action == "linkedin-import":
        n = int(d.get("added", 0))
        return ngettext("LinkedIn import ({n} entry added)",
                        "LinkedIn import ({n} entries added)", n).format(n=integer(n))
    if action == "undo":
        return _("undo of change #{id}").format(id=d.get("target"))
    if action == "redo":
        return _("redo of change #{id}").format(id=d.get("target"))
    return action


def undo_message(result: UndoResult, redo: bool = False) -> str:
    """What an undo (or redo) came to, in one line."""
    change = result.change
    what = describe_change(change) if change else ""
    cid = change.id if change else None
    if result.status == "undone":
        return _("Undid change #{id}: {what}").format(id=cid, what=what)
    if result.status == "redone":
        return _("Redid change #{id}: {what}").format(id=cid, what=what)
    if result.status == "nothing":
        return _("Nothing to redo") if redo else _("Nothing to undo")
    if result.status == "unknown":
        return _("No change with that number")
    if result.status == "conflict":
        text = (_("Cannot redo change #{id}: {what} changed since; nothing was done") if redo
                else _("Cannot undo change #{id}: {what} changed since; nothing was done"))
        return text.format(id=cid, what=record_words(result.table, result.key)
                           if result.key is not None else result.table)
    if result.status == "already-undone":
        return _("Change #{id} is already undone").format(id=cid)
    if result.status == "not-undone":
        return _("Change #{id} is not undone: nothing to redo").format(id=cid)
    return _("Change #{id} is an undo or a redo: undo or redo the change it took back"
             ).format(id=cid)
