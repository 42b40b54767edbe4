"""The app's forms: invitation, official reading, weekly indicators, profile (the outcome
form, with its search, has its own file)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Select, SelectionList, Static, TextArea

from ssi_tui.domain import PILLARS, Indicators, Invitation
from ssi_tui.i18n import N_, _, integer, ngettext, short_number
from ssi_tui.i18n import day as day_text
from ssi_tui.journal import InputError
from ssi_tui.journal.rows import describe_invitation
from ssi_tui.labels import PILLAR_LABELS, PROFILE_ITEM_LABELS
from ssi_tui.tui.forms.base import FormScreen, number, whole

if TYPE_CHECKING:
    from ssi_tui.journal.ssi_page import PageReading


class InvitationForm(FormScreen):
    form_title = N_("Invitation sent")
    instructions = N_("A connection request you sent. Ctrl+S saves, Esc cancels.")
    shown: Invitation | None = None
    """The invitation an edit starts from (None: a new one)."""

    def compose_fields(self) -> ComposeResult:
        inv = self.shown
        yield from self.row("personalized", _("Message"), Select(
            [(_("Personalised (with a note)"), True), (_("Plain (no note)"), False)],
            value=inv.personalized if inv else False, allow_blank=False, id="f-personalized",
            compact=True))
        yield from self.row("degree", _("Degree"), Select(
            [(_("2nd degree"), 2), (_("3rd degree"), 3)],
            value=inv.degree if inv and inv.degree in (2, 3) else 2, allow_blank=False,
            id="f-degree", compact=True))
        yield from self.field("variant", _("Message variant (for the study)"),
                              inv.variant or "" if inv else "",
                              placeholder=_("e.g. A: shared interest"))
        yield from self.field("contact", _("Who"), inv.contact or "" if inv else "",
                              placeholder=_("name (stays on this machine)"))
        yield from self.field("note", _("Note"), inv.note or "" if inv else "")

    def read_fields(self) -> dict[str, Any]:
        return {"personalized": self.query_one("#f-personalized", Select).value,
                "degree": self.query_one("#f-degree", Select).value,
                "variant": self.value("variant"), "contact": self.value("contact"),
                "note": self.value("note")}

    def save(self) -> str:
        from ssi_tui.journal.records import InvitationIn

        data = self.read_fields() | {"sent_day": self.log_day}
        self.check(InvitationIn, data)
        inv = self.journal.add_invitation(**data)
        return _("Saved {what}").format(what=describe_invitation(inv))


class ReadingForm(FormScreen):
    form_title = N_("Official SSI reading (linkedin.com/sales/ssi)")
    dense = True
    instructions = N_("Paste the page's text in the box to fill the fields, or type them. "
                      "Ctrl+S saves, Esc cancels.")

    def compose_fields(self) -> ComposeResult:
        yield TextArea(id="paste", classes="paste")
        yield Static(id="paste-preview", classes="paste-preview", markup=False)
        yield Static(id="err-paste", classes="error", markup=False)
        for name in PILLARS:
            yield from self.field(name, _("{pillar} (0–25)").format(pillar=PILLAR_LABELS[name]),
                                  self.initial(name), placeholder=_("e.g. {example}").format(
                                      example=short_number(12.275)))
        yield from self.field("industry_rank", _("Industry SSI rank (optional)"),
                              self.initial("industry_rank"),
                              placeholder=_('N of "Top N%", e.g. 4'))
        yield from self.field("network_rank", _("Network SSI rank (optional)"),
                              self.initial("network_rank"),
                              placeholder=_('N of "Top N%", e.g. 4'))

    def initial(self, name: str) -> str:
        """What field `name` starts with (an edit starts from the saved reading)."""
        return ""

    def on_mount(self) -> None:
        self.query_one("#paste", TextArea).border_title = _("Paste the page's text here")

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
        from ssi_tui.journal.records import ReadingIn

        data = self.read_figures() | {"day": self.log_day}
        self.check(ReadingIn, data)
        reading = self.journal.add_reading(**data, **self._pasted_averages(data))
        # the app refits the calibration in a worker once the form closes
        return _("Reading of {day}: {total}/100").format(day=day_text(reading.day),
                                                          total=short_number(reading.total))

    def read_figures(self) -> dict[str, Any]:
        """The figures typed or pasted (problems noted for `check`)."""
        if self.paste_problem is not None:
            self.problems.append(self.paste_problem)
        data = {name: self.read(name, number) for name in
                (*PILLARS, "industry_rank", "network_rank")}
        for name in PILLARS:
            if data[name] is None and self.value(name) is None:
                self.problems.append(InputError(name, _("required (0–25)")))
        return data

    def _pasted_averages(self, values: dict[str, float | None]) -> dict[str, float | None]:
        """The industry and network averages read from the page, kept only while the pillars
        are still the ones read with them."""
        page = self.pasted
        if page is None or any(values[name] != page.pillars[name] for name in PILLARS):
            return {}
        return {"industry_avg": page.industry_avg, "network_avg": page.network_avg}


class WeeklyForm(FormScreen):
    form_title = N_("Weekly indicators (your profile's dashboard)")
    instructions = N_("Type the figures LinkedIn shows. Ctrl+S saves, Esc cancels.")
    FIELDS = (
        ("profile_views_90d", N_("Profile views, last 90 days")),
        ("search_appearances_7d", N_("Search appearances, last week")),
        ("followers", N_("Followers")),
        ("connections", N_("Connections")),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.saved = self.starting_figures()

    def starting_figures(self) -> Indicators | None:
        """The figures the fields start from: the last saved (they move little)."""
        return last_figures(self.journal.indicators(), self.log_day or self.journal.today())

    def instructions_text(self) -> str:
        if self.saved is None:
            return super().instructions_text()
        return _("Starts from the figures saved on {day}: change what moved. Ctrl+S saves, "
                 "Esc cancels.").format(day=day_text(self.saved.day))

    def compose_fields(self) -> ComposeResult:
        for name, label in self.FIELDS:
            figure = getattr(self.saved, name) if self.saved is not None else None
            yield from self.field(name, _(label), integer(figure) if figure is not None else "")

    def save(self) -> str:
        from ssi_tui.journal.records import IndicatorsIn

        data = {name: self.read(name, whole) for name, _label in self.FIELDS}
        self.check(IndicatorsIn, {**data, "day": self.log_day})
        ind = self.journal.set_indicators(**data, day=self.log_day)
        return _("Indicators of {day} saved").format(day=day_text(ind.day))


def last_figures(saved: list[Indicators], day: date) -> Indicators | None:
    """The figures saved last on or before `day` (the weekly ones move little: the form starts
    from them)."""
    before = [i for i in saved if i.day <= day]
    return max(before, key=lambda i: i.day) if before else None


class ProfileForm(FormScreen):
    form_title = N_("Profile checklist (brand pillar)")
    instructions = N_("Space ticks or unticks an item. Ctrl+S saves, Esc cancels.")

    def compose_fields(self) -> ComposeResult:
        items = self.journal.profile()
        yield SelectionList[str](*((PROFILE_ITEM_LABELS.get(i.key, i.label), i.key, i.done)
                                   for i in items), id="f-items")

    def save(self) -> str:
        """The items the user moved, saved as one change: one `u` takes them all back."""
        chosen = set(self.query_one("#f-items", SelectionList).selected)
        moved = {item.key: item.key in chosen for item in self.journal.profile()
                 if (item.key in chosen) != item.done}
        self.journal.set_profile(moved, self.log_day)
        changed = len(moved)
        return ngettext("Profile checklist: {n} item changed",
                        "Profile checklist: {n} items changed", changed).format(n=changed)
