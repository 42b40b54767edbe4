"""From rows of each archive file to journal entries (see docs/linkedin-import.md).

A reader takes a file's `Table` and yields `Item`s to store and `Skip`s saying why a row was
left out. Readers of Profile.csv, Positions.csv and Connections.csv also fill the `Context`
(the user's name and company, when each connection was made) that later files need.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, time

from ssi_tui.domain import Kind
from ssi_tui.i18n import N_, _, ngettext
from ssi_tui.i18n import day as show_day
from ssi_tui.journal.days import format_at
from ssi_tui.journal.linkedin.items import INVITATION, Context, Item, Notes, Reader, Skip, when
from ssi_tui.journal.linkedin.messages import read_messages
from ssi_tui.journal.linkedin.parse import (
    clean,
    full_name,
    name_key,
    parse_day,
    profile_key,
    row_key,
)
from ssi_tui.journal.linkedin.reports import grouped
from ssi_tui.journal.linkedin.tables import FileSpec, Table
from ssi_tui.journal.records import MAX_COUNT

NETWORK_CAP = 30_000
NOTE_LIMIT = 1_000


# -- context files ------------------------------------------------------------------------------

def read_profile(table: Table, ctx: Context, notes: Notes) -> Iterator[Item | Skip]:
    for row in table.rows(notes):
        name = full_name(row["First Name"], row["Last Name"])
        if name:
            ctx.user_name, ctx.user_name_from = name, "Profile.csv"
            notes.append(_("your name: {name}").format(name=name))
            break
    yield from ()


def read_positions(table: Table, ctx: Context, notes: Notes) -> Iterator[Item | Skip]:
    for row in table.rows(notes):
        company = clean(row["Company Name"])
        if company and not row["Finished On"]:
            ctx.companies.setdefault(name_key(company), company)
    if ctx.companies:
        notes.append(_("current company: {names}").format(names=", ".join(ctx.companies.values())))
    else:
        notes.append(_("no current position (every one has a Finished On): no colleague"
                       " matching"))
    yield from ()


# -- activity files ------------------------------------------------------------------------------

def read_connections(table: Table, ctx: Context, notes: Notes) -> Iterator[Item | Skip]:
    """Every row with a date is a connection (a row with only a date is someone who hides their
    details); a connection whose company is the user's current one is a colleague."""
    connections: dict[str, date] = {}
    by_year: Counter[int] = Counter()
    for row in table.rows(notes):
        raw = row["Connected On"]
        try:
            day = parse_day(raw, table.day_first)
        except ValueError:
            yield Skip(N_("unreadable date") if raw else N_("no date"))
            continue
        by_year[day.year] += 1
        if row["URL"]:
            connections[profile_key(row["URL"])] = day
        company = row["Company"]
        name = full_name(row["First Name"], row["Last Name"])
        if company and name and name_key(company) in ctx.companies:
            yield Item(
                key=row_key("Connections.csv", row["First Name"], row["Last Name"],
                            profile_key(row["URL"]), day.isoformat()),
                at=format_at(datetime.combine(day, time(), UTC)),
                day=day, kind=Kind.COLLEAGUE_CONNECTION, contact=name,
            )
    ctx.connections = connections
    ctx.network_size = sum(by_year.values())
    if by_year:
        notes.append(ngettext("{n} connections; by year: {years}",
                              "{n} connections; by year: {years}", ctx.network_size).format(
            n=grouped(ctx.network_size),
            years=", ".join(f"{y} {n}" for y, n in sorted(by_year.items()))))
    if not ctx.companies:
        notes.append(_("colleagues not matched: no current company (Positions.csv)"))


def read_invitations(table: Table, ctx: Context, notes: Notes) -> Iterator[Item | Skip]:
    """Outgoing invitations; accepted on the day the invitee appears in Connections.csv."""
    if ctx.connections is None:
        notes.append(_("Connections.csv not read: acceptance unknown, all left pending"))
    elif not table.has("inviteeProfileUrl"):
        notes.append(_("no inviteeProfileUrl column: acceptance unknown, all left pending"))
    connections = ctx.connections or {}
    senders: Counter[str] = Counter()
    first: date | None = None
    last: date | None = None
    for row in table.rows(notes):
        direction = row["Direction"].upper()
        if direction == "INCOMING":
            yield Skip(N_("incoming (sent to you, not by you)"))
            continue
        if direction != "OUTGOING":
            yield Skip(N_("unknown Direction"))
            continue
        at = when(row["Sent At"], table.day_first)
        if isinstance(at, Skip):
            yield at
            continue
        day = ctx.day(at)
        first, last = min(first or day, day), max(last or day, day)
        url = profile_key(row["inviteeProfileUrl"]) if row["inviteeProfileUrl"] else ""
        accepted = connections.get(url) if url else None
        if row["From"]:
            senders[row["From"]] += 1
        yield Item(
            key=row_key("Invitations.csv", format_at(at), row["To"], url),
            at=format_at(at), day=day, kind=INVITATION, contact=clean(row["To"]),
            personalized=bool(row["Message"].strip()),
            accepted_day=max(accepted, day) if accepted else None,
        )
    if first and last:
        notes.append(_("LinkedIn keeps only recent invitations: this file covers {first} to"
                       " {last} only").format(first=show_day(first), last=show_day(last)))
    if senders and not ctx.user_name:
        ctx.user_name, ctx.user_name_from = senders.most_common(1)[0][0], "Invitations.csv"


def _simple(file: str, kind: Kind, identity: tuple[str, ...], fallback: str) -> Reader:
    """A file whose every dated row is one event of `kind`, its note the post's link. A row is
    known by its time and `identity` columns (so an edited comment is not a new one), or by
    `fallback` too when those are empty."""

    def read(table: Table, ctx: Context, notes: Notes) -> Iterator[Item | Skip]:
        for row in table.rows(notes):
            at = when(row["Date"], table.day_first)
            if isinstance(at, Skip):
                yield at
                continue
            values = [row[c] for c in identity]
            if not any(values):
                values.append(row[fallback])
            yield Item(key=row_key(file, format_at(at), *values), at=format_at(at),
                       day=ctx.day(at), kind=kind, note=clean(row["Link"], NOTE_LIMIT))

    return read


read_comments = _simple("Comments.csv", Kind.COMMENT, ("Link",), "Message")
read_reactions = _simple("Reactions.csv", Kind.LIKE, ("Type", "Link"), "Type")


def read_endorsements(table: Table, ctx: Context, notes: Notes) -> Iterator[Item | Skip]:
    for row in table.rows(notes):
        at = when(row["Endorsement Date"], table.day_first)
        if isinstance(at, Skip):
            yield at
            continue
        first, last = row["Endorser First Name"], row["Endorser Last Name"]
        yield Item(
            key=row_key("Endorsement_Received_Info.csv", format_at(at), row["Skill Name"],
                        first, last, profile_key(row["Endorser Public Url"])),
            at=format_at(at), day=ctx.day(at), kind=Kind.ENDORSEMENT,
            contact=full_name(first, last), note=clean(row["Skill Name"]),
        )


def is_reshare(url: str) -> bool:
    """A share of someone else's LinkedIn post (rather than a post of one's own)."""
    key = profile_key(url) if url else ""
    return key.startswith("linkedin.com/") and ("/feed/update/" in key or "/posts/" in key)


def read_shares(table: Table, ctx: Context, notes: Notes) -> Iterator[Item | Skip]:
    for row in table.rows(notes):
        at = when(row["Date"], table.day_first)
        if isinstance(at, Skip):
            yield at
            continue
        link = row["ShareLink"]
        yield Item(
            key=row_key("Shares.csv", format_at(at), link or row["ShareCommentary"]),
            at=format_at(at), day=ctx.day(at),
            kind=Kind.SHARE if is_reshare(row["SharedUrl"]) else Kind.POST,
            note=clean(link, NOTE_LIMIT),
        )


def read_searches(table: Table, ctx: Context, notes: Notes) -> Iterator[Item | Skip]:
    """One search event per day, counting each (time, query) once."""
    seen: set[tuple[str, str]] = set()
    counts: Counter[date] = Counter()
    first_at: dict[date, str] = {}
    for row in table.rows(notes):
        at = when(row["Time"], table.day_first)
        if isinstance(at, Skip):
            yield at
            continue
        stamp = format_at(at)
        if (stamp, row["Search Query"]) in seen:
            yield Skip(N_("exact repeat (same time and query)"))
            continue
        seen.add((stamp, row["Search Query"]))
        day = ctx.day(at)
        counts[day] += 1
        if stamp < first_at.get(day, "~"):
            first_at[day] = stamp
    for day, total in sorted(counts.items()):
        if total > MAX_COUNT:
            notes.append(_("{day}: {n} searches, kept as {cap} (the journal's cap)").format(
                day=show_day(day), n=grouped(total), cap=grouped(MAX_COUNT)))
            total = MAX_COUNT
        yield Item(key=f"SearchQueries.csv:{day.isoformat()}", at=first_at[day], day=day,
                   kind=Kind.SEARCH, count=total)


SPECS: list[tuple[FileSpec, Reader]] = [
    (FileSpec("Profile.csv", ("First Name", "Last Name")), read_profile),
    (FileSpec("Positions.csv", ("Company Name", "Finished On")), read_positions),
    (FileSpec("Connections.csv", ("First Name", "Last Name", "Connected On"),
              ("URL", "Company"), dates=("Connected On",)), read_connections),
    (FileSpec("Invitations.csv", ("Sent At", "Direction", "Message"),
              ("From", "To", "inviteeProfileUrl"), dates=("Sent At",)), read_invitations),
    (FileSpec("Comments.csv", ("Date", "Link"), ("Message",), dates=("Date",),
              free_text="Message"), read_comments),
    (FileSpec("Reactions.csv", ("Date", "Link"), ("Type",), dates=("Date",)), read_reactions),
    (FileSpec("Shares.csv", ("Date", "ShareLink"), ("ShareCommentary", "SharedUrl"),
              dates=("Date",), free_text="ShareCommentary"), read_shares),
    (FileSpec("SearchQueries.csv", ("Time", "Search Query"), (),
              ("Search Queries.csv", "Search_Queries.csv"), dates=("Time",)), read_searches),
    (FileSpec("Endorsement_Received_Info.csv", ("Endorsement Date", "Skill Name"),
              ("Endorser First Name", "Endorser Last Name", "Endorser Public Url"),
              dates=("Endorsement Date",)), read_endorsements),
    (FileSpec("messages.csv", ("FROM", "DATE"),
              ("CONVERSATION ID", "CONVERSATION TITLE", "TO", "SUBJECT", "FOLDER",
               "IS MESSAGE DRAFT"), dates=("DATE",)), read_messages),
]
CONTEXT_FILES = {"Profile.csv", "Positions.csv"}
