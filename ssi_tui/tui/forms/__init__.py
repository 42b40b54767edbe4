"""Modal forms, by the name the key map uses."""

from ssi_tui.tui.forms.records import (
    InvitationForm,
    OutcomeForm,
    ProfileForm,
    ReadingForm,
    WeeklyForm,
)

FORMS = {
    "invitation": InvitationForm,
    "outcome": OutcomeForm,
    "reading": ReadingForm,
    "weekly": WeeklyForm,
    "profile": ProfileForm,
}
