"""The journal: one SQLite file, read and written through sqlite-utils. Knows nothing of Textual.

`Journal` and `open_journal` load lazily (PEP 562), so a light module of this package (the day
arithmetic, the errors) can be imported without pydantic and the model behind the facade.
"""

from typing import TYPE_CHECKING, Any

from ssi_tui.journal.errors import InputError, JournalError

if TYPE_CHECKING:
    from ssi_tui.journal.store import Journal, open_journal

__all__ = ["InputError", "Journal", "JournalError", "open_journal"]


def __getattr__(name: str) -> Any:
    if name in ("Journal", "open_journal"):
        from ssi_tui.journal import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
