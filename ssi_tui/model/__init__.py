"""The estimate: pure functions over plain records (no SQL, no files, no Textual).

See docs/scoring.md for every term, its source in the articles, its target and its weight.
"""

from ssi_tui.model.estimate import Estimate, PillarScore, Term, estimate, estimate_series
from ssi_tui.model.invitations import ArmStats, Study, invitation_study
from ssi_tui.model.reach import Reach, reach_band
from ssi_tui.model.settings import ScoringSettings, TermSettings
from ssi_tui.model.stats import sample_size_per_arm, two_proportion_z_test, wilson_interval
from ssi_tui.model.streak import Streak, login_streak
from ssi_tui.model.todos import Todo, todos
from ssi_tui.model.warnings import Alert, warnings

__all__ = [
    "Alert", "ArmStats", "Estimate", "PillarScore", "Reach", "ScoringSettings", "Streak", "Study",
    "Term", "TermSettings", "Todo", "estimate", "estimate_series", "invitation_study",
    "login_streak", "reach_band", "sample_size_per_arm", "todos", "two_proportion_z_test",
    "warnings", "wilson_interval",
]
