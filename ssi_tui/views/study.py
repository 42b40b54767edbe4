"""The invitation study as JSON (for scripts) and as plain text lines (for the terminal)."""

from __future__ import annotations

from typing import Any

from ssi_tui.i18n import _, integer, ngettext, number, percent, pgettext
from ssi_tui.model import Study
from ssi_tui.model.invitations import FUNNEL


def study_json(study: Study) -> dict[str, Any]:
    def arm(stats: Any) -> dict[str, Any]:
        return {"sent": stats.sent, "accepted": stats.accepted, "rate": stats.rate,
                "ci95": list(stats.ci95), "funnel": dict(stats.funnel),
                "funnel_rates": dict(stats.funnel_rates)}

    def test(result: tuple[float, float] | None) -> dict[str, float] | None:
        return None if result is None else {"z": result[0], "p_value": result[1]}

    return {
        "arms": {name: arm(stats) for name, stats in study.arms.items()},
        "variants": {name: arm(stats) for name, stats in study.variants.items()},
        "pending": dict(study.pending),
        "tests": {"acceptance": test(study.acceptance_test),
                  "exchange": test(study.exchange_test)},
        "verdict": study.verdict,
        "needed_per_arm": study.needed_per_arm,
    }


def _arm_name(arm: str) -> str:
    """An arm as the plain-text table names it (lower case, as before)."""
    if arm == "personalized":
        return pgettext("study arm", "personalized")
    if arm == "plain":
        return pgettext("study arm", "plain")
    return arm


def _pending(arm: str, n: int) -> str:
    if arm == "personalized":
        return ngettext("{n} personalized", "{n} personalized", n).format(n=integer(n))
    return ngettext("{n} plain", "{n} plain", n).format(n=integer(n))


def study_lines(study: Study) -> list[str]:
    """The invitation study as plain text lines (CLI)."""
    # each column as wide as in English, or wider when its translated title needs it
    titles = [pgettext("study column", "sent"), pgettext("study column", "accepted"),
              pgettext("study column", "rate"), pgettext("study column", "95% CI"),
              pgettext("study column", "exchange"), pgettext("study column", "call"),
              pgettext("study column", "meeting"), pgettext("study column", "contract")]
    sent_w, accepted_w, rate_w, ci_w, *stage_w = (
        max(width, len(title) + 1) for title, width in zip(titles, (6, 10, 7, 15, 9, 6, 8, 9),
                                                             strict=True))
    stage_titles = titles[4:]
    lines = [f"{'':<22}{titles[0]:>{sent_w}}{titles[1]:>{accepted_w}}{titles[2]:>{rate_w}}  "
             f"{titles[3]:<{ci_w}}"
             + "".join(f"{t:>{w}}" for t, w in zip(stage_titles, stage_w, strict=True))]

    def row(name: str, s: Any) -> str:
        ci = f"{percent(s.ci95[0])}–{percent(s.ci95[1])}" if s.sent else "–"
        funnel = "".join(f"{integer(s.funnel.get(stage, 0)):>{w}}"
                         for stage, w in zip(FUNNEL, stage_w, strict=True))
        return (f"{name:<22}{integer(s.sent):>{sent_w}}{integer(s.accepted):>{accepted_w}}"
                f"{percent(s.rate):>{rate_w}}  {ci:<{ci_w}}{funnel}")

    for name, stats in study.arms.items():
        lines.append(row(_arm_name(name), stats))
    if study.variants:
        lines.append(_("By message variant:"))
        for name, stats in study.variants.items():
            lines.append(row(f"  {name}"[:22], stats))
    pending = ", ".join(_pending(arm, n) for arm, n in study.pending.items() if n)
    if pending:
        lines.append(_("Pending (too recent to judge): {pending}").format(pending=pending))
    if study.acceptance_test:
        z, p = study.acceptance_test
        lines.append(_("Acceptance: z = {z}, p = {p}").format(z=number(z, 2), p=number(p, 3)))
    if study.exchange_test:
        z, p = study.exchange_test
        lines.append(_("Reaching an exchange: z = {z}, p = {p}").format(z=number(z, 2),
                                                                        p=number(p, 3)))
    lines.append(study.verdict)
    if study.needed_per_arm:
        lines.append(ngettext("About {n} invitation per arm would settle it.",
                              "About {n} invitations per arm would settle it.",
                              study.needed_per_arm).format(n=integer(study.needed_per_arm)))
    return lines
