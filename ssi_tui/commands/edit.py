"""`ssi-tui edit TABLE ID --FIELD VALUE …` and `ssi-tui delete TABLE ID`: change or remove any
entry, invitation, reading or day of indicators, validated like a new one, shown and confirmed
(`--yes` skips the question), through the journal's one write path (so `undo` takes it back)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

import click

from ssi_tui.commands.context import (
    DAY,
    DECIMAL,
    WHOLE,
    Context,
    bad_input,
    exclusive,
    pass_ctx,
)
from ssi_tui.domain import STAGES, Kind
from ssi_tui.i18n import N_, _

TABLES = ("events", "invitations", "readings", "indicators")
STAGE_DAYS = tuple(f"{stage}_day" for stage in STAGES)
FIELDS: dict[str, tuple[str, ...]] = {
    "events": ("day", "kind", "count", "degree", "contact", "note"),
    "invitations": ("sent_day", "degree", "personalized", "variant", "contact", "note",
                    *STAGE_DAYS),
    "readings": ("brand", "people", "insights", "relationships", "industry_rank",
                 "network_rank", "industry_avg", "network_avg"),
    "indicators": ("profile_views_90d", "search_appearances_7d", "followers", "connections"),
}
"""The fields each table's records can be edited on (the option is the name with dashes)."""


class _OptionalDay(click.ParamType):
    """A day, or an empty value to clear it (an invitation's stage days)."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, date) or value in ("", None):
            return value or ""
        try:
            return datetime.strptime(str(value), "%Y-%m-%d").date()
        except ValueError:
            self.fail(_("{value!r} is not a day (YYYY-MM-DD, or empty to clear)").format(
                value=value), param, ctx)


STAGE_DAY = _OptionalDay()


def _key(table: str, raw: str) -> int | date:
    """The record's id: a number for events and invitations, the day for the others."""
    try:
        if table in ("events", "invitations"):
            number = int(raw)
            if number < 1:
                raise ValueError
            return number
        return date.fromisoformat(raw)
    except ValueError:
        what = (_("a number (the id `history` and the app show)") if table in ("events",
                "invitations") else _("a day, YYYY-MM-DD"))
        bad_input(_("ID: {value!r} is not {what}").format(value=raw, what=what))


def _show(record: Any) -> str:
    return "  ".join(f"{name}={value}" for name, value in asdict(record).items()
                     if value is not None and name not in ("at", "source"))


UPDATES = {"events": "update_event", "invitations": "update_invitation",
           "readings": "update_reading", "indicators": "update_indicators"}
DELETES = {"events": "delete_event", "invitations": "delete_invitation",
           "readings": "delete_reading", "indicators": "delete_indicators"}
GETTERS = {"events": "event", "invitations": "invitation", "readings": "reading",
           "indicators": "indicators_on"}


@click.command(help=N_("Change fields of a record: TABLE is events, invitations, readings or "
                       "indicators; ID is its number (events, invitations) or its day (readings, "
                       "indicators). Validated, shown, then confirmed; `undo` takes it back."))
@click.argument("table", metavar="TABLE", type=click.Choice(TABLES))
@click.argument("record_id", metavar="ID")
@click.option("--day", type=DAY, help=N_("events: the day."))
@click.option("--kind", type=click.Choice([k.value for k in Kind]), help=N_("events: the habit."))
@click.option("--count", type=WHOLE, help=N_("events: how many."))
@click.option("--degree", type=click.Choice(["2", "3"]), help=N_("events, invitations: degree."))
@click.option("--contact", help=N_("events, invitations: who (empty to clear)."))
@click.option("--note", help=N_("events, invitations: a note (empty to clear)."))
@click.option("--sent-day", type=DAY, help=N_("invitations: the day it was sent."))
@click.option("--personalized", is_flag=True, help=N_("invitations: with a message."))
@click.option("--plain", is_flag=True, help=N_("invitations: without a message."))
@click.option("--variant", help=N_("invitations: message variant (empty to clear)."))
@click.option("--accepted-day", type=STAGE_DAY, help=N_("invitations: accepted on (empty clears)."))
@click.option("--exchange-day", type=STAGE_DAY, help=N_("invitations: first exchange on."))
@click.option("--call-day", type=STAGE_DAY, help=N_("invitations: call on."))
@click.option("--meeting-day", type=STAGE_DAY, help=N_("invitations: meeting on."))
@click.option("--contract-day", type=STAGE_DAY, help=N_("invitations: contract on."))
@click.option("--brand", type=DECIMAL, help=N_("readings: brand pillar."))
@click.option("--people", type=DECIMAL, help=N_("readings: people pillar."))
@click.option("--insights", type=DECIMAL, help=N_("readings: insights pillar."))
@click.option("--relationships", type=DECIMAL, help=N_("readings: relationships pillar."))
@click.option("--industry-rank", type=DECIMAL, help=N_("readings: industry rank (Top N%)."))
@click.option("--network-rank", type=DECIMAL, help=N_("readings: network rank (Top N%)."))
@click.option("--industry-avg", type=DECIMAL, help=N_("readings: industry average SSI."))
@click.option("--network-avg", type=DECIMAL, help=N_("readings: network average SSI."))
@click.option("--profile-views-90d", type=WHOLE, help=N_("indicators: profile views, 90 days."))
@click.option("--search-appearances-7d", type=WHOLE,
              help=N_("indicators: search appearances, last week."))
@click.option("--followers", type=WHOLE, help=N_("indicators: followers."))
@click.option("--connections", type=WHOLE, help=N_("indicators: connections."))
@click.option("--yes", is_flag=True, help=N_("Do not ask for confirmation."))
@pass_ctx
def edit(obj: Context, table: str, record_id: str, yes: bool, **options: Any) -> None:
    exclusive(personalized=options["personalized"], plain=options["plain"])
    key = _key(table, record_id)
    given = {name: value for name, value in options.items()
             if value is not None and value is not False}
    if options["plain"]:
        given["personalized"] = False
        del given["plain"]
    for name in given:
        if name not in FIELDS[table]:
            bad_input(_("--{option}: not a field of {table} (its fields: {fields})").format(
                option=name.replace("_", "-"), table=table,
                fields=", ".join(f"--{f.replace('_', '-')}" for f in FIELDS[table]
                                 if f != "personalized") + (
                    ", --personalized, --plain" if table == "invitations" else "")))
    if not given:
        bad_input(_("fields: give at least one --FIELD VALUE to change"))
    for name in ("day", "sent_day"):
        if isinstance(given.get(name), datetime):
            given[name] = given[name].date()
    if "degree" in given:
        given["degree"] = int(given["degree"])
    journal = obj.journal()
    update = getattr(journal, UPDATES[table])
    before = obj.call(getattr(journal, GETTERS[table]), key)
    if before is None:
        bad_input(_("ID: no {table} record {key}").format(table=table, key=record_id))
    after = obj.call(journal.preview, update, key, **given)
    click.echo(_("Before: {record}").format(record=_show(before)))
    click.echo(_("After:  {record}").format(record=_show(after)))
    if not yes:
        click.confirm(_("Save this change?"), abort=True)
    obj.call(update, key, **given)
    click.echo(_("Saved. `ssi-tui undo` takes it back."))


@click.command(help=N_("Delete a record: TABLE is events, invitations, readings or indicators; ID "
                       "is its number or its day. Shown, then confirmed; `undo` brings it back."))
@click.argument("table", metavar="TABLE", type=click.Choice(TABLES))
@click.argument("record_id", metavar="ID")
@click.option("--yes", is_flag=True, help=N_("Do not ask for confirmation."))
@pass_ctx
def delete(obj: Context, table: str, record_id: str, yes: bool) -> None:
    key = _key(table, record_id)
    journal = obj.journal()
    record = obj.call(getattr(journal, GETTERS[table]), key)
    if record is None:
        bad_input(_("ID: no {table} record {key}").format(table=table, key=record_id))
    click.echo(_("Delete: {record}").format(record=_show(record)))
    if not yes:
        click.confirm(_("Delete it?"), abort=True)
    obj.call(getattr(journal, DELETES[table]), key)
    click.echo(_("Deleted. `ssi-tui undo` brings it back."))
