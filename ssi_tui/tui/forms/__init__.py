"""Modal forms, by the name the key map uses."""

from ssi_tui.tui.forms.linkedin import LinkedInImportForm
from ssi_tui.tui.forms.outcome import OutcomeForm
from ssi_tui.tui.forms.records import InvitationForm, ProfileForm, ReadingForm, WeeklyForm

FORMS = {
    "linkedin": LinkedInImportForm,
    "invitation": InvitationForm,
    "outcome": OutcomeForm,
    "reading": ReadingForm,
    "weekly": WeeklyForm,
    "profile": ProfileForm,
}
