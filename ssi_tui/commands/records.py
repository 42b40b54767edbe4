"""Writing the journal by hand: `log`, `invite`, `outcome`, `reading`, `indicators` and
`profile` (`undo` and `redo` are in commands/history). Thin: parse, call the journal, print
one line."""

from __future__ import annotations

from datetime import datetime

import click

from ssi_tui.commands.context import (
    DAY,
    DECIMAL,
    WHOLE,
    Context,
    bad_input,
    day_option,
    exclusive,
    pass_ctx,
)
from ssi_tui.domain import PROFILE_ITEMS, STAGES, Kind
from ssi_tui.i18n import N_, _, short_number
from ssi_tui.i18n import day as day_text
from ssi_tui.labels import PROFILE_ITEM_LABELS, STAGE_LABELS

KINDS = [k.value for k in Kind]


@click.command(help=N_("Log a habit: KIND, optionally COUNT times (e.g. `log profile_view 5 "
                       "--degree 3`)."))
@click.argument("kind", metavar="KIND", type=click.Choice(KINDS))
@click.argument("count", metavar="[COUNT]", type=click.IntRange(1, 10_000), default=1)
@click.option("--degree", type=click.Choice(["2", "3"]),
              help=N_("2nd or 3rd degree (profile views)."))
@click.option("--day", type=DAY, help=N_("Day it happened (YYYY-MM-DD), default today."))
@click.option("--contact", help=N_("Who it was about (free text)."))
@click.option("--note", help=N_("A note (free text)."))
@click.option("--yes", is_flag=True,
              help=N_("Log a count far above your own largest day without asking."))
@pass_ctx
def log(obj: Context, kind: str, count: int, degree: str | None, day: datetime | None,
        contact: str | None, note: str | None, yes: bool) -> None:
    from ssi_tui.journal.rows import describe_event
    from ssi_tui.model.norms import unusual_count

    if not yes and unusual_count(count, obj.journal().largest_day(kind)):
        bad_input(_("count: {n} is far above your largest day of {kind} so far ({most}); "
                    "add --yes if it is right").format(n=count, kind=kind,
                                                      most=obj.journal().largest_day(kind)))

    event = obj.call(obj.session().log_habit, kind, int(degree) if degree else None, count,
                     day=day_option(day), contact=contact, note=note)
    click.echo(_("Logged {what} (#{id})").format(what=describe_event(event), id=event.id))


@click.command(help=N_("Record a connection request sent; prints its id (for `outcome`)."))
@click.option("--personalized", is_flag=True,
              help=N_("With a personal message (this or --plain is required)."))
@click.option("--plain", is_flag=True, help=N_("Without a message."))
@click.option("--degree", type=click.Choice(["2", "3"]), default="2", show_default=True,
              help=N_("Degree of the person invited."))
@click.option("--variant", help=N_("Label of the message variant (for the invitation study)."))
@click.option("--contact", help=N_("Who was invited."))
@click.option("--note", help=N_("A note."))
@click.option("--day", type=DAY, help=N_("Day it was sent (YYYY-MM-DD), default today."))
@pass_ctx
def invite(obj: Context, personalized: bool, plain: bool, degree: str, variant: str | None,
           contact: str | None, note: str | None, day: datetime | None) -> None:
    exclusive(personalized=personalized, plain=plain)
    if not (personalized or plain):
        bad_input(_("personalized: give --personalized or --plain"))
    journal = obj.journal()
    inv = obj.call(journal.add_invitation, personalized=personalized, degree=int(degree),
                   variant=variant, contact=contact, note=note, sent_day=day_option(day))
    click.echo(str(inv.id))


@click.command(help=N_("Record what became of invitation ID: accepted, exchange, call, meeting "
                       "or contract."))
@click.argument("invitation_id", metavar="ID", type=click.IntRange(1))
@click.argument("stage", metavar="STAGE", type=click.Choice(list(STAGES)))
@click.option("--day", type=DAY, help=N_("Day it happened (YYYY-MM-DD), default today."))
@pass_ctx
def outcome(obj: Context, invitation_id: int, stage: str, day: datetime | None) -> None:
    inv = obj.call(obj.journal().set_outcome, invitation_id, stage, day_option(day))
    click.echo(_("Invitation #{id}: {stage} on {day}").format(
        id=inv.id, stage=STAGE_LABELS[inv.furthest_stage], day=day_text(inv.stage_day(stage))))


@click.command(help=N_("Record an official SSI reading copied from linkedin.com/sales/ssi (each "
                       "pillar 0-25), or read it from the page's text with --paste."))
@click.argument("brand", metavar="BRAND", type=DECIMAL, required=False)
@click.argument("people", metavar="PEOPLE", type=DECIMAL, required=False)
@click.argument("insights", metavar="INSIGHTS", type=DECIMAL, required=False)
@click.argument("relationships", metavar="RELATIONSHIPS", type=DECIMAL, required=False)
@click.option("--paste", metavar="FILE",
              help=N_("Read the reading from the text of the SSI page copied into FILE (- for "
                      "standard input); it is checked against the total the page shows."))
@click.option("--day", type=DAY, help=N_("Day of the reading (YYYY-MM-DD), default today."))
@click.option("--industry-rank", type=DECIMAL, help=N_('Industry SSI rank: the N of "Top N%".'))
@click.option("--network-rank", type=DECIMAL, help=N_('Network SSI rank: the N of "Top N%".'))
@click.option("--industry-avg", type=DECIMAL, help=N_("Average SSI of your industry."))
@click.option("--network-avg", type=DECIMAL, help=N_("Average SSI of your network."))
@pass_ctx
def reading(obj: Context, brand: float | None, people: float | None, insights: float | None,
            relationships: float | None, paste: str | None, day: datetime | None,
            industry_rank: float | None, network_rank: float | None,
            industry_avg: float | None, network_avg: float | None) -> None:
    fields: dict[str, float | None] = {
        "brand": brand, "people": people, "insights": insights, "relationships": relationships,
        "industry_rank": industry_rank, "network_rank": network_rank,
        "industry_avg": industry_avg, "network_avg": network_avg}
    if paste is not None:
        if any(v is not None for v in (brand, people, insights, relationships)):
            bad_input(_("paste: give the pillars or --paste, not both"))
        fields = {**_read_pasted(paste), **{k: v for k, v in fields.items() if v is not None}}
    else:
        for name in ("brand", "people", "insights", "relationships"):
            if fields[name] is None:
                bad_input(_("{field}: required (0-25), or give --paste FILE").format(field=name))
    session = obj.session()
    rd = obj.call(session.add_reading, **fields, day=day_option(day))
    click.echo(_("Reading of {day}: {total}/100").format(day=day_text(rd.day),
                                                          total=short_number(rd.total)))
    obj.call(session.refit)


def _read_pasted(source: str) -> dict[str, float | None]:
    """Read and check the page; print what was read; a page that fails its check exits 2."""
    from ssi_tui.journal import InputError
    from ssi_tui.journal.intake import read_paste
    from ssi_tui.journal.ssi_page import read_ssi_page
    from ssi_tui.views.paste import describe_page

    try:
        page = read_ssi_page(read_paste(source))
    except InputError as exc:
        bad_input(str(exc))
    for line in describe_page(page):
        click.echo(line)
    return page.fields()


@click.command(help=N_("Record the weekly indicators LinkedIn shows on your profile dashboard."))
@click.option("--profile-views-90d", type=WHOLE, help=N_("Profile views over the last 90 days."))
@click.option("--search-appearances-7d", type=WHOLE, help=N_("Search appearances last week."))
@click.option("--followers", type=WHOLE, help=N_("Followers."))
@click.option("--connections", type=WHOLE, help=N_("Connections (network size)."))
@click.option("--day", type=DAY, help=N_("Day of the figures (YYYY-MM-DD), default today."))
@pass_ctx
def indicators(obj: Context, profile_views_90d: int | None, search_appearances_7d: int | None,
               followers: int | None, connections: int | None, day: datetime | None) -> None:
    ind = obj.call(obj.journal().set_indicators, profile_views_90d=profile_views_90d,
                   search_appearances_7d=search_appearances_7d, followers=followers,
                   connections=connections, day=day_option(day))
    click.echo(_("Indicators of {day} saved").format(day=day_text(ind.day)))


@click.command(help=N_("List the profile checklist, or tick ITEMs with --done / --undone "
                       "(several items are one change, undone as one)."))
@click.argument("items", metavar="[ITEM]...", nargs=-1, type=click.Choice(list(PROFILE_ITEMS)))
@click.option("--done", is_flag=True, help=N_("Tick the ITEMs."))
@click.option("--undone", is_flag=True, help=N_("Untick the ITEMs."))
@click.option("--day", type=DAY, help=N_("Day it was done (YYYY-MM-DD), default today."))
@pass_ctx
def profile(obj: Context, items: tuple[str, ...], done: bool, undone: bool,
            day: datetime | None) -> None:
    exclusive(done=done, undone=undone)
    journal = obj.journal()
    if items:
        if not (done or undone):
            bad_input(_("done: give --done or --undone"))
        obj.call(journal.set_profile, dict.fromkeys(items, done), day_option(day))
    elif done or undone:
        bad_input(_("item: name the checklist item to tick"))
    for entry in journal.profile():
        mark = "x" if entry.done else " "
        label = PROFILE_ITEM_LABELS.get(entry.key, entry.label)
        click.echo(f"[{mark}] {entry.key:<17} {label}")

