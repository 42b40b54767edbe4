"""What an archive holds and what an import did, per file, and how to say it in a few lines
(the command line prints them; the app can show them as they are)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ssi_tui.i18n import N_, SOURCE_LANGUAGE, _, current_language, day, integer, ngettext

if TYPE_CHECKING:
    from ssi_tui.journal.indicators import FigurePlan

CONTEXT_NOTE = {
    "Profile.csv": N_("your name, to tell your InMails from others'"),
    "Positions.csv": N_("your current company, to find colleagues among your connections"),
}
MAIN_KIND = {
    "Connections.csv": "colleague_connection",
    "Invitations.csv": "invitation",
    "Comments.csv": "comment",
    "Reactions.csv": "like",
    "Shares.csv": "post",
    "SearchQueries.csv": "search",
    "Endorsement_Received_Info.csv": "endorsement",
    "messages.csv": "inmail_sent",
}
"""What a file gives, named in the summary even when it gives none ("0 comments")."""
MAX_REASONS = 6


@dataclass
class FileReport:
    """What came (or would come) from one file of the archive."""

    file: str
    member: str | None = None
    status: str = "ok"
    """ok, missing, unknown header or failed."""
    error: str | None = None
    columns: list[str] = field(default_factory=list)
    rows: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    """Per kind (or "invitation"), how many: searches count one per search, not per day."""
    entries: int = 0
    added: int = 0
    present: int = 0
    updated: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    first_line: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    first_day: date | None = None
    last_day: date | None = None

    def skip(self, reason: str, line: int | None, count: int = 1) -> None:
        self.skipped[reason] += count
        if line is not None:
            self.first_line.setdefault(reason, line)

    def reset(self) -> None:
        """A failed file: nothing of it was kept."""
        self.kinds.clear()
        self.entries = self.added = self.present = self.updated = 0
        self.first_day = self.last_day = None


@dataclass
class Plan:
    """What an archive holds and, compared with a journal, what importing it would add."""

    path: Path
    files: list[FileReport]
    checked: bool = False
    """Compared with a journal (added/present/updated are meaningful)."""
    network_size: int | None = None
    dry_run = True

    def file(self, name: str) -> FileReport:
        return next(f for f in self.files if f.file.lower() == name.lower())

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def present(self) -> int:
        return sum(f.present for f in self.files)

    @property
    def updated(self) -> int:
        return sum(f.updated for f in self.files)

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.status in ("failed", "unknown header")]


@dataclass
class Summary(Plan):
    """What an import did, per file."""

    dry_run = False


def grouped(count: int) -> str:
    """A count as the report shows it: "1,234" in English (as before), "1 234" in French."""
    return f"{count:,}" if current_language() == SOURCE_LANGUAGE else integer(count)


LABELS: dict[str, Callable[[int], str]] = {
    "colleague_connection": lambda n: ngettext("{n} colleague connection",
                                               "{n} colleague connections", n),
    "invitation": lambda n: ngettext("{n} outgoing invitation", "{n} outgoing invitations", n),
    "comment": lambda n: ngettext("{n} comment", "{n} comments", n),
    "like": lambda n: ngettext("{n} like", "{n} likes", n),
    "post": lambda n: ngettext("{n} post", "{n} posts", n),
    "share": lambda n: ngettext("{n} reshare", "{n} reshares", n),
    "search": lambda n: ngettext("{n} search", "{n} searches", n),
    "endorsement": lambda n: ngettext("{n} endorsement received",
                                      "{n} endorsements received", n),
    "inmail_sent": lambda n: ngettext("{n} InMail sent", "{n} InMails sent", n),
    "inmail_reply": lambda n: ngettext("{n} InMail reply", "{n} InMail replies", n),
}
"""Per kind, "{n} <what>" in the interface language for a count."""


def _plural(count: int, kind: str) -> str:
    label = LABELS.get(kind)
    if label is None:
        return f"{grouped(count)} {kind}"
    return label(count).format(n=grouped(count))


def _what(report: FileReport) -> str:
    kinds = report.kinds or Counter({MAIN_KIND.get(report.file, "entry"): 0})
    return ", ".join(_plural(count, kind) for kind, count in kinds.most_common())


def _outcome(report: FileReport, plan: Plan) -> str:
    if not plan.checked:
        return ""
    added, present = grouped(report.added), grouped(report.present)
    if plan.dry_run:
        text = _("would add {added}, already present {present}").format(added=added,
                                                                          present=present)
    else:
        text = _("added {added}, already present {present}").format(added=added, present=present)
    if set(report.kinds) == {"search"}:
        text = _("{outcome} (one entry per day)").format(outcome=text)
    if report.updated:
        updated = grouped(report.updated)
        text = (_("{outcome}, would update {updated}") if plan.dry_run else
                _("{outcome}, updated {updated}")).format(outcome=text, updated=updated)
    return f" → {text}"


def file_lines(report: FileReport, plan: Plan) -> list[str]:
    """A line for the file, then indented notes and skip reasons."""
    label = report.file if report.member in (None, report.file) else \
        f"{report.file} ({report.member})"
    if report.status == "missing":
        why = CONTEXT_NOTE.get(report.file)
        if why:
            return [_("{file}: not in the archive, skipped; it gives {what}").format(
                file=report.file, what=_(why))]
        return [_("{file}: not in the archive, skipped").format(file=report.file)]
    if report.status in ("failed", "unknown header"):
        return [_("{file}: {error}").format(file=label, error=report.error)]
    lines: list[str] = []
    if report.file in CONTEXT_NOTE:
        lines.append(_("{file}: read for {what}").format(file=label,
                                                          what=_(CONTEXT_NOTE[report.file])))
    else:
        span = ""
        if report.first_day and report.last_day:
            span = " " + _("({first} to {last})").format(first=day(report.first_day),
                                                           last=day(report.last_day))
        lines.append(_("{file}: {what}").format(file=label, what=_what(report))
                     + span + _outcome(report, plan))
    lines += [f"  {note}" for note in report.notes]
    reasons = report.skipped.most_common()
    for reason, count in reasons[:MAX_REASONS]:
        line = report.first_line.get(reason)
        values = {"n": grouped(count), "reason": _(reason) if reason else reason,
                  "line": integer(line or 0)}
        if line and count > 1:
            text = ngettext("skipped {n}: {reason}, first at line {line}",
                            "skipped {n}: {reason}, first at line {line}", count)
        elif line:
            text = ngettext("skipped {n}: {reason}, line {line}",
                            "skipped {n}: {reason}, line {line}", count)
        else:
            text = ngettext("skipped {n}: {reason}", "skipped {n}: {reason}", count)
        lines.append("  " + text.format(**values))
    if len(reasons) > MAX_REASONS:
        rest = sum(count for _reason, count in reasons[MAX_REASONS:])
        lines.append("  " + ngettext("skipped {n} more for other reasons",
                                     "skipped {n} more for other reasons", rest).format(
            n=grouped(rest)))
    return lines


def plan_lines(plan: Plan) -> list[str]:
    """The whole report, file by file, then a total."""
    lines: list[str] = []
    for report in plan.files:
        lines += file_lines(report, plan)
    if plan.checked:
        added, present = grouped(plan.added), grouped(plan.present)
        # TRANSLATORS: the English keeps "entries" and "were" whatever the counts.
        total = (ngettext("Would add {added} entry; {present} were already in the journal",
                          "Would add {added} entries; {present} were already in the journal",
                          plan.added) if plan.dry_run else
                 ngettext("Added {added} entry; {present} were already in the journal",
                          "Added {added} entries; {present} were already in the journal",
                          plan.added)).format(added=added, present=present)
        if plan.updated:
            updated = grouped(plan.updated)
            total = (ngettext("{total}; {n} would be updated", "{total}; {n} would be updated",
                              plan.updated) if plan.dry_run else
                     ngettext("{total}; {n} updated", "{total}; {n} updated",
                              plan.updated)).format(total=total, n=updated)
        if not plan.dry_run:
            total = _("{total} (take the import back with: ssi-tui import-linkedin --undo)").format(
                total=total)
        lines.append(total)
    if plan.failed:
        failed = len(plan.failed)
        lines.append(ngettext("{n} file could not be read: see above",
                              "{n} files could not be read: see above", failed).format(
            n=integer(failed)))
    return lines


FIGURE_NAMES = {"connections": N_("network size")}


def figure_note(plan: FigurePlan, done: bool) -> str:
    """One line per imported figure: recorded, replacing an imported one, or not recorded
    because the user typed another value for that day (a typed figure always wins)."""
    name = _(FIGURE_NAMES.get(plan.figure, plan.figure))
    args = {"name": name, "n": grouped(plan.value), "day": day(plan.day),
            "old": grouped(plan.previous) if plan.previous is not None else ""}
    if plan.outcome == "set":
        text = (_("{name} {n} recorded for {day}") if done
                else _("would record {name} {n} for {day}"))
    elif plan.outcome == "replaced":
        text = (_("{name} {n} recorded for {day}, replacing {old} from an earlier import")
                if done else
                _("{name} {n} would replace {old} from an earlier import for {day}"))
    elif plan.outcome == "same":
        text = _("{name} {n} for {day}: already recorded")
    else:
        text = (_("{name} {n} not recorded: you typed {old} for {day}, which is kept") if done
                else _("{name} {n} would not replace the {old} you typed for {day} (yours is"
                       " kept)"))
    return text.format(**args)
