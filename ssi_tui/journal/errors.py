"""The two kinds of expected failure, each carrying a one-line message for the user."""


class JournalError(Exception):
    """The journal file cannot be used (missing folder, not SQLite, newer schema, read-only...)."""


class InputError(ValueError):
    """A value the user gave is not valid; the message starts with the field's name."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
