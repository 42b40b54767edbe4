"""messages.csv: only InMail goes in the journal (the insights pillar's response rate); every
other message is left out, and the summary says how many."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime

from ssi_tui.domain import Kind
from ssi_tui.i18n import N_, _
from ssi_tui.journal.days import format_at
from ssi_tui.journal.linkedin.items import Context, Item, Notes, Skip, when
from ssi_tui.journal.linkedin.parse import clean, name_key, row_key
from ssi_tui.journal.linkedin.tables import Table


def _inmail(row: dict[str, str]) -> bool:
    return any("inmail" in row[c].lower().replace(" ", "")
               for c in ("FOLDER", "SUBJECT", "CONVERSATION TITLE"))


First = tuple[str, datetime, str, str]
"""A sender's first message in a conversation: (timestamp text, instant, sender, recipient)."""


def read_messages(table: Table, ctx: Context, notes: Notes) -> Iterator[Item | Skip]:
    """InMail only: per InMail conversation the user started, one inmail_sent (their first
    message) and one inmail_reply (the first answer, if any). Other messages are left out."""
    marked: set[str] = set()
    firsts: dict[str, dict[str, First]] = {}
    sizes: Counter[str] = Counter()
    senders: Counter[str] = Counter()
    for row in table.rows(notes):
        if row["IS MESSAGE DRAFT"].lower() in ("yes", "true", "1"):
            yield Skip(N_("draft"))
            continue
        at = when(row["DATE"], table.day_first)
        if isinstance(at, Skip):
            yield at
            continue
        conv = row["CONVERSATION ID"] or row["CONVERSATION TITLE"]
        sender = row["FROM"]
        senders[sender] += 1
        sizes[conv] += 1
        if _inmail(row):
            marked.add(conv)
        by_sender = firsts.setdefault(conv, {})
        stamp = format_at(at)
        known = by_sender.get(name_key(sender))
        if known is None or stamp < known[0]:
            by_sender[name_key(sender)] = (stamp, at, sender, row["TO"])
    if not ctx.user_name and senders:
        ctx.user_name, ctx.user_name_from = (senders.most_common(1)[0][0],
                                          N_("most frequent sender"))
    if marked and ctx.user_name:
        notes.append(_("you are {name} (from {source})").format(
            name=ctx.user_name, source=_(ctx.user_name_from)))
    me = name_key(ctx.user_name or "")
    received = 0
    for conv in sorted(marked):
        by_sender = firsts[conv]
        mine = by_sender.get(me)
        if mine is None or min(by_sender.values())[0] < mine[0]:
            received += 1
            continue
        yield Item(key=row_key("messages.csv", "inmail_sent", conv, mine[0]), at=mine[0],
                   day=ctx.day(mine[1]), kind=Kind.INMAIL_SENT, contact=clean(mine[3]))
        answers = [first for key, first in by_sender.items() if key != me]
        if answers:
            stamp, at, name, _to = min(answers)
            yield Item(key=row_key("messages.csv", "inmail_reply", conv, stamp), at=stamp,
                       day=ctx.day(at), kind=Kind.INMAIL_REPLY, contact=clean(name))
    if received:
        yield Skip(N_("InMail conversation started by someone else"), received, on_row=False)
    left_out = sum(sizes.values()) - sum(sizes[conv] for conv in marked)
    if left_out:
        yield Skip(N_("not InMail (messages are left out)"), left_out, on_row=False)
