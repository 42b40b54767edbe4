"""What became of an invitation: pick it by typing part of its contact, day, variant or degree
(a demo journal holds hundreds), then the stage it reached."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from ssi_tui.domain import STAGES, Invitation
from ssi_tui.i18n import N_, _
from ssi_tui.i18n import day as day_text
from ssi_tui.journal import InputError
from ssi_tui.labels import STAGE_LABELS
from ssi_tui.tui.forms.base import FormScreen, day

DEGREE_WORDS = {2: N_("2nd degree"), 3: N_("3rd degree")}


def invitation_line(inv: Invitation) -> str:
    """One invitation as the picker lists it (and as the search reads it)."""
    stage = inv.furthest_stage
    parts = [f"#{inv.id}", day_text(inv.sent_day), inv.contact or "—",
             inv.variant or "", _(DEGREE_WORDS[inv.degree]) if inv.degree in DEGREE_WORDS else "",
             STAGE_LABELS[stage] if stage else _("pending")]
    return " · ".join(part for part in parts if part)


def matches(inv: Invitation, query: str) -> bool:
    """Every word of `query` appears in the invitation's line or its ISO day (any case)."""
    haystack = f"{invitation_line(inv)} {inv.sent_day.isoformat()}".casefold()
    return all(word in haystack for word in query.casefold().split())


class OutcomeForm(FormScreen):
    form_title = N_("What became of an invitation")
    instructions = N_("Pick the stage, then type to filter the invitations by contact, day, "
                      "variant or degree; ↑ ↓ pick one; Enter saves.")
    AUTO_FOCUS = "#f-search"
    BINDINGS = [
        Binding("down", "move(1)", N_("Next invitation"), id="outcome.next", show=False),
        Binding("up", "move(-1)", N_("Previous invitation"), id="outcome.previous", show=False),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.candidates = [i for i in reversed(self.journal.invitations())
                           if i.contract_day is None]

    def compose_fields(self) -> ComposeResult:
        yield from self.row("stage", _("Stage reached"), Select(
            [(STAGE_LABELS[s], s) for s in STAGES], value="accepted", allow_blank=False,
            id="f-stage", compact=True, type_to_search=True))
        yield from self.field("day", _("Day (YYYY-MM-DD, empty = today)"),
                              value=self.log_day.isoformat() if self.log_day else "")
        yield Input(placeholder=_("filter, e.g. ada 2nd 2026-11"), id="f-search", compact=True)
        yield OptionList(id="f-id")
        yield Static(id="err-id", classes="error", markup=False)

    def on_mount(self) -> None:
        self.show_matches("")

    def show_matches(self, query: str) -> None:
        options = self.query_one("#f-id", OptionList)
        options.clear_options()
        options.add_options(Option(Text(invitation_line(i)), id=str(i.id))
                            for i in self.candidates if matches(i, query))
        options.highlighted = 0 if options.option_count else None
        options.border_title = _("{shown} of {total}").format(shown=options.option_count,
                                                              total=len(self.candidates))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "f-search":
            self.show_matches(event.value)

    def action_move(self, step: int) -> None:
        """↑ ↓ in the filter move the highlighted invitation, the cursor stays in the filter."""
        options = self.query_one("#f-id", OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def chosen(self) -> int | None:
        options = self.query_one("#f-id", OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return int(option_id) if option_id is not None else None

    def on_option_list_option_selected(self) -> None:
        self.action_submit()

    def save(self) -> str:
        chosen = self.chosen()
        if chosen is None:
            self.problems.append(InputError("id", _("pick an invitation")))
        when: date | None = self.read("day", day)
        stage = str(self.query_one("#f-stage", Select).value)
        from ssi_tui.journal.records import OutcomeIn

        self.check(OutcomeIn, {"stage": stage, "day": when})
        assert chosen is not None
        inv = self.journal.set_outcome(chosen, stage, when)
        return _("Invitation #{id}: {stage}").format(id=inv.id, stage=STAGE_LABELS[stage])
