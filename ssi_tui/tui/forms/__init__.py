"""Modal forms, by the name the key map uses."""

from ssi_tui.tui.forms.records import (
    InvitationForm,
    OutcomeForm,
    ProfileForm,
    ReadingForm,
    WeeklyForm,
)

from ssi_tui.tui.forms.linkedin import LinkedInImportForm

FORMS = {
    "linkedin": LinkedInImportForm,
    "invitation": InvitationForm,
    "outcome": OutcomeForm,
    "reading": ReadingForm,
    "weekly": WeeklyForm,
    "profile": ProfileForm,
}
