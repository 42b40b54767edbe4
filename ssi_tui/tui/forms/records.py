"""The app's forms: invitation, outcome, official reading, weekly indicators, profile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, Select, SelectionList, Static, TextArea

from ssi_tui.domain import PILLAR_LABELS, PILLARS, PROFILE_ITEMS, STAGE_LABELS, STAGES
from ssi_tui.i18n import N_, _, ngettext, short_number
from ssi_tui.i18n import day as day_text
from ssi_tui.journal import InputError
from ssi_tui.journal.rows import describe_invitation
from ssi_tui.tui.forms.base import FormScreen, day, number, whole

if TYPE_CHECKING:
    from ssi_tui.journal.ssi_page import PageReading


class InvitationForm(FormScreen):
    form_title = N_("Invitation sent")

    def compose_fields(self) -> ComposeResult:
        yield Label(_("Message"), classes="field-label")
        yield Select([(_("Personalised (with a note)"), True), (_("Plain (no note)"), False)],
                     value=False, allow_blank=False, id="f-personalized")
        yield Label(_("Degree"), classes="field-label")
        yield Select([(_("2nd degree"), 2), (_("3rd degree"), 3)], value=2, allow_blank=False,
                     id="f-degree")
        yield from self.field("variant", _("Message variant (label, for the study)"),
                              placeholder=_("e.g. A: shared interest"))
        yield from self.field("contact", _("Who"), placeholder=_("name (stays on this machine)"))
        yield from self.field("note", _("Note"))

    def save(self) -> str:
        inv = self.journal.add_invitation(
            personalized=self.query_one("#f-personalized", Select).value,
            degree=self.query_one("#f-degree", Select).value,
            variant=self.value("variant"), contact=self.value("contact"),
            note=self.value("note"), sent_day=self.log_day,
        )
        return _("Saved {what}").format(what=describe_invitation(inv))


class OutcomeForm(FormScreen):
    form_title = N_("What became of an invitation")

    def compose_fields(self) -> ComposeResult:
        recent = [i for i in reversed(self.journal.invitations()) if i.contract_day is None][:200]
        options = [(Text(f"#{i.id} {day_text(i.sent_day)} {i.contact or ''} — "
                         f"{STAGE_LABELS[i.furthest_stage] if i.furthest_stage else _('pending')}"),
                    i.id) for i in recent]
        yield Label(_("Invitation"), classes="field-label")
        yield Select(options, prompt=_("pick an invitation"), id="f-id")
        yield Static(id="err-id", classes="error")
        yield Label(_("Stage reached"), classes="field-label")
        yield Select([(STAGE_LABELS[s], s) for s in STAGES], value="accepted", allow_blank=False,
                     id="f-stage")
        yield from self.field("day", _("Day (YYYY-MM-DD, empty = today)"),
                              value=self.log_day.isoformat() if self.log_day else "")

    def save(self) -> str:
        chosen = self.query_one("#f-id", Select).value
        if not isinstance(chosen, int):
            raise InputError("id", _("pick an invitation"))
        stage = str(self.query_one("#f-stage", Select).value)
        inv = self.journal.set_outcome(chosen, stage, day(self.value("day")))
        return _("Invitation #{id}: {stage}").format(id=inv.id, stage=STAGE_LABELS[stage])


class ReadingForm(FormScreen):
    form_title = N_("Official SSI reading (linkedin.com/sales/ssi)")

    def compose_fields(self) -> ComposeResult:
        yield Label(_("Paste the page's text here to fill the fields:"), classes="field-label")
        yield TextArea(id="paste", classes="paste")
        yield Static(id="paste-preview", classes="paste-preview")
        yield Static(id="err-paste", classes="error")
        for name in PILLARS:
            yield from self.field(name, _("{pillar} (0–25)").format(pillar=PILLAR_LABELS[name]),
                                  placeholder=_("e.g. {example}").format(
                                      example=short_number(12.275)))
        yield from self.field("industry_rank", _('Industry SSI rank: "Top N%" (optional)'))
        yield from self.field("network_rank", _('Network SSI rank: "Top N%" (optional)'))

    pasted: PageReading | None = None
    paste_problem: InputError | None = None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Read the pasted page, fill the fields and show what was read; a page that fails
        its cross-check fills nothing and blocks saving until it is fixed or cleared."""
        from textual.widgets import Input

        from ssi_tui.journal.ssi_page import read_ssi_page
        from ssi_tui.views.paste import describe_page

        preview = self.query_one("#paste-preview", Static)
        problem = self.query_one("#err-paste", Static)
        self.pasted = self.paste_problem = None
        problem.update("")
        problem.display = False
        preview.update("")
        preview.display = False
        if not event.text_area.text.strip():
            return
        try:
            page = read_ssi_page(event.text_area.text)
        except InputError as exc:
            self.paste_problem = exc
            problem.update(Text(_("Not filled: {error}").format(error=exc)))
            problem.display = True
            return
        self.pasted = page
        for name, value in page.fields().items():
            if name.endswith("_avg"):
                continue
            self.query_one(f"#f-{name}", Input).value = "" if value is None else \
                short_number(value)
        preview.update(Text("\n".join(describe_page(page))))
        preview.display = True

    def save(self) -> str:
        if self.paste_problem is not None:
            raise self.paste_problem
        values = {name: number(self.value(name), name) for name in PILLARS}
        missing = [name for name, v in values.items() if v is None]
        if missing:
            raise InputError(missing[0], _("required (0–25)"))
        reading = self.journal.add_reading(
            **values, day=self.log_day,
            industry_rank=number(self.value("industry_rank"), "industry_rank"),
            network_rank=number(self.value("network_rank"), "network_rank"),
            **self._pasted_averages(values),
        )
        # the app refits the calibration in a worker once the form closes
        return _("Reading of {day}: {total}/100").format(day=day_text(reading.day),
                                                          total=short_number(reading.total))


    def _pasted_averages(self, values: dict[str, float | None]) -> dict[str, float | None]:
        """The industry and network averages read from the page, kept only while the pillars
        are still the ones read with them."""
        page = self.pasted
        if page is None or any(values[name] != page.pillars[name] for name in PILLARS):
            return {}
        return {"industry_avg": page.industry_avg, "network_avg": page.network_avg}


class WeeklyForm(FormScreen):
    form_title = N_("Weekly indicators (your profile's dashboard)")
    FIELDS = (
        ("profile_views_90d", N_("Profile views, last 90 days")),
        ("search_appearances_7d", N_("Search appearances, last week")),
        ("followers", N_("Followers")),
        ("connections", N_("Connections")),
    )

    def compose_fields(self) -> ComposeResult:
        for name, label in self.FIELDS:
            yield from self.field(name, _(label))

    def save(self) -> str:
        values = {name: whole(self.value(name), name) for name, _label in self.FIELDS}
        ind = self.journal.set_indicators(**values, day=self.log_day)
        return _("Indicators of {day} saved").format(day=day_text(ind.day))


class ProfileForm(FormScreen):
    form_title = N_("Profile checklist (brand pillar)")

    def compose_fields(self) -> ComposeResult:
        items = self.journal.profile()
        yield SelectionList[str](*((PROFILE_ITEMS.get(i.key, i.label), i.key, i.done)
                                   for i in items), id="f-items")

    def save(self) -> str:
        chosen = set(self.query_one("#f-items", SelectionList).selected)
        changed = 0
        for item in self.journal.profile():
            if (item.key in chosen) != item.done:
                self.journal.set_profile_item(item.key, item.key in chosen, self.log_day)
                changed += 1
        return ngettext("Profile checklist: {n} item changed",
                        "Profile checklist: {n} items changed", changed).format(n=changed)
