"""View models: what a screen or a command shows, computed from the journal and the model."""

from ssi_tui.views.calibration import reading_pairs, refit, stored_calibration
from ssi_tui.views.status import Status, StatusBuilder, build_status
from ssi_tui.views.study import (
    journal_study,
    sample_size_text,
    study_json,
    study_lines,
    test_lines,
    verdict_text,
)

__all__ = ["Status", "StatusBuilder", "build_status", "reading_pairs", "refit",
           "stored_calibration", "study_json", "study_lines", "journal_study", "sample_size_text",
           "test_lines", "verdict_text"]
