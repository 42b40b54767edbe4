"""Backfill from LinkedIn's own data export ("Get a copy of your data"): a zip of CSV files.

`scan_archive` says what an archive holds (and, given a journal, what is new), `import_archive`
imports it as one change of the history, `undo_import` takes the latest import back. No click
and no Textual here: the command and the app call these. docs/linkedin-import.md tells what is
read from which file.
"""

from ssi_tui.journal.linkedin.archive import ArchiveError
from ssi_tui.journal.linkedin.importer import (
    SOURCE,
    count_imported,
    import_archive,
    scan_archive,
    undo_import,
)
from ssi_tui.journal.linkedin.reports import FileReport, Plan, Summary, file_lines, plan_lines

__all__ = [
    "SOURCE",
    "ArchiveError",
    "FileReport",
    "Plan",
    "Summary",
    "count_imported",
    "file_lines",
    "import_archive",
    "plan_lines",
    "scan_archive",
    "undo_import",
]
