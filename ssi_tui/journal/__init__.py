"""The journal: one SQLite file, read and written through sqlite-utils. Knows nothing of Textual."""

from ssi_tui.journal.errors import InputError, JournalError
from ssi_tui.journal.store import Journal, open_journal

__all__ = ["InputError", "Journal", "JournalError", "open_journal"]
