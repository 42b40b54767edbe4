"""The app's forms: invitation, outcome, official reading, weekly indicators, profile."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, Select, SelectionList, Static, TextArea

from ssi_tui.domain import STAGES
from ssi_tui.journal import InputError
from ssi_tui.journal.rows import describe_invitation
from ssi_tui.tui.forms.base import FormScreen, day, number, whole
from ssi_tui.tui.forms.ssi_paste import parse_ssi_text

PILLAR_FIELDS = (
    ("brand", "Establish your professional brand"),
    ("people", "Find the right people"),
    ("insights", "Engage with insights"),
    ("relationships", "Build relationships"),
)


class InvitationForm(FormScreen):
    form_title = "Invitation sent"

    def compose_fields(self) -> ComposeResult:
        yield Label("Message", classes="field-label")
        yield Select([("Personalised (with a note)", True), ("Plain (no note)", False)],
                     value=False, allow_blank=False, id="f-personalized")
        yield Label("Degree", classes="field-label")
        yield Select([("2nd degree", 2), ("3rd degree", 3)], value=2, allow_blank=False,
                     id="f-degree")
        yield from self.field("variant", "Message variant (label, for the study)",
                              placeholder="e.g. A: shared interest")
        yield from self.field("contact", "Who", placeholder="name (stays on this machine)")
        yield from self.field("note", "Note")

    def save(self) -> str:
        inv = self.journal.add_invitation(
            personalized=self.query_one("#f-personalized", Select).value,
            degree=self.query_one("#f-degree", Select).value,
            variant=self.value("variant"), contact=self.value("contact"),
            note=self.value("note"), sent_day=self.log_day,
        )
        return f"Saved {describe_invitation(inv)}"


class OutcomeForm(FormScreen):
    form_title = "What became of an invitation"

    def compose_fields(self) -> ComposeResult:
        recent = [i for i in reversed(self.journal.invitations()) if i.contract_day is None][:200]
        options = [(Text(f"#{i.id} {i.sent_day} {i.contact or ''} — "
                         f"{i.furthest_stage or 'pending'}"), i.id) for i in recent]
        yield Label("Invitation", classes="field-label")
        yield Select(options, prompt="pick an invitation", id="f-id")
        yield Static(id="err-id", classes="error")
        yield Label("Stage reached", classes="field-label")
        yield Select([(s, s) for s in STAGES], value="accepted", allow_blank=False,
                     id="f-stage")
        yield from self.field("day", "Day (YYYY-MM-DD, empty = today)",
                              value=self.log_day.isoformat() if self.log_day else "")

    def save(self) -> str:
        chosen = self.query_one("#f-id", Select).value
        if not isinstance(chosen, int):
            raise InputError("id", "pick an invitation")
        stage = str(self.query_one("#f-stage", Select).value)
        inv = self.journal.set_outcome(chosen, stage, day(self.value("day")))
        return f"Invitation #{inv.id}: {stage}"


class ReadingForm(FormScreen):
    form_title = "Official SSI reading (linkedin.com/sales/ssi)"

    def compose_fields(self) -> ComposeResult:
        yield Label("Paste the page's text here to fill the fields:", classes="field-label")
        yield TextArea(id="paste", classes="paste")
        for name, label in PILLAR_FIELDS:
            yield from self.field(name, f"{label} (0–25)", placeholder="e.g. 12.275")
        yield from self.field("industry_rank", 'Industry SSI rank: "Top N%" (optional)')
        yield from self.field("network_rank", 'Network SSI rank: "Top N%" (optional)')

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        from textual.widgets import Input

        for name, value in parse_ssi_text(event.text_area.text).items():
            self.query_one(f"#f-{name}", Input).value = f"{value:g}"

    def save(self) -> str:
        values = {name: number(self.value(name), name) for name, _ in PILLAR_FIELDS}
        missing = [name for name, v in values.items() if v is None]
        if missing:
            raise InputError(missing[0], "required (0–25)")
        reading = self.journal.add_reading(
            **values, day=self.log_day,
            industry_rank=number(self.value("industry_rank"), "industry_rank"),
            network_rank=number(self.value("network_rank"), "network_rank"),
        )
        from ssi_tui.views import refit

        refit(self.journal)  # each new reading refits the calibration
        return f"Reading of {reading.day}: {reading.total:g}/100"


class WeeklyForm(FormScreen):
    form_title = "Weekly indicators (your profile's dashboard)"
    FIELDS = (
        ("profile_views_90d", "Profile views, last 90 days"),
        ("search_appearances_7d", "Search appearances, last week"),
        ("followers", "Followers"),
        ("connections", "Connections"),
    )

    def compose_fields(self) -> ComposeResult:
        for name, label in self.FIELDS:
            yield from self.field(name, label)

    def save(self) -> str:
        values = {name: whole(self.value(name), name) for name, _ in self.FIELDS}
        ind = self.journal.set_indicators(**values, day=self.log_day)
        return f"Indicators of {ind.day} saved"


class ProfileForm(FormScreen):
    form_title = "Profile checklist (brand pillar)"

    def compose_fields(self) -> ComposeResult:
        items = self.journal.profile()
        yield SelectionList[str](*((i.label, i.key, i.done) for i in items), id="f-items")

    def save(self) -> str:
        chosen = set(self.query_one("#f-items", SelectionList).selected)
        changed = 0
        for item in self.journal.profile():
            if (item.key in chosen) != item.done:
                self.journal.set_profile_item(item.key, item.key in chosen, self.log_day)
                changed += 1
        return f"Profile checklist: {changed} item(s) changed"
