"""What an archive holds and what an import did, per file, and how to say it in a few lines
(the command line prints them; the app can show them as they are)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CONTEXT_NOTE = {
    "Profile.csv": "your name, to tell your InMails from others'",
    "Positions.csv": "your current company, to find colleagues among your connections",
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


LABELS = {
    "colleague_connection": ("colleague connection", "colleague connections"),
    "invitation": ("outgoing invitation", "outgoing invitations"),
    "comment": ("comment", "comments"),
    "like": ("like", "likes"),
    "post": ("post", "posts"),
    "share": ("reshare", "reshares"),
    "search": ("search", "searches"),
    "endorsement": ("endorsement received", "endorsements received"),
    "inmail_sent": ("InMail sent", "InMails sent"),
    "inmail_reply": ("InMail reply", "InMail replies"),
}


def _plural(count: int, kind: str) -> str:
    one, many = LABELS.get(kind, (kind, kind))
    return f"{count:,} {one if count == 1 else many}"


def _what(report: FileReport) -> str:
    kinds = report.kinds or Counter({MAIN_KIND.get(report.file, "entry"): 0})
    return ", ".join(_plural(count, kind) for kind, count in kinds.most_common())


def _outcome(report: FileReport, plan: Plan) -> str:
    if not plan.checked:
        return ""
    verb = "would add" if plan.dry_run else "added"
    text = f"{verb} {report.added:,}, already present {report.present:,}"
    if set(report.kinds) == {"search"}:
        text = f"{text} (one entry per day)"
    if report.updated:
        text += f", {'would update' if plan.dry_run else 'updated'} {report.updated:,}"
    return f" → {text}"


def file_lines(report: FileReport, plan: Plan) -> list[str]:
    """A line for the file, then indented notes and skip reasons."""
    label = report.file if report.member in (None, report.file) else \
        f"{report.file} ({report.member})"
    if report.status == "missing":
        why = CONTEXT_NOTE.get(report.file)
        return [f"{report.file}: not in the archive, skipped"
                + (f"; it gives {why}" if why else "")]
    if report.status in ("failed", "unknown header"):
        return [f"{label}: {report.error}"]
    lines: list[str] = []
    if report.file in CONTEXT_NOTE:
        lines.append(f"{label}: read for {CONTEXT_NOTE[report.file]}")
    else:
        span = ""
        if report.first_day and report.last_day:
            span = f" ({report.first_day} to {report.last_day})"
        lines.append(f"{label}: {_what(report)}{span}{_outcome(report, plan)}")
    lines += [f"  {note}" for note in report.notes]
    reasons = report.skipped.most_common()
    for reason, count in reasons[:MAX_REASONS]:
        line = report.first_line.get(reason)
        where = f", first at line {line}" if line and count > 1 else (
            f", line {line}" if line else "")
        lines.append(f"  skipped {count:,}: {reason}{where}")
    if len(reasons) > MAX_REASONS:
        rest = sum(count for _, count in reasons[MAX_REASONS:])
        lines.append(f"  skipped {rest:,} more for other reasons")
    return lines


def plan_lines(plan: Plan) -> list[str]:
    """The whole report, file by file, then a total."""
    lines: list[str] = []
    for report in plan.files:
        lines += file_lines(report, plan)
    if plan.checked:
        verb = "Would add" if plan.dry_run else "Added"
        total = f"{verb} {plan.added:,} entries; {plan.present:,} were already in the journal"
        if plan.updated:
            total += f"; {plan.updated:,} {'would be ' if plan.dry_run else ''}updated"
        lines.append(total + ("" if plan.dry_run else
                              " (remove them all with: ssi-tui import-linkedin --undo)"))
    if plan.failed:
        lines.append(f"{len(plan.failed)} file(s) could not be read: see above")
    return lines
