"""The invitation study as JSON (for scripts) and as plain text lines (for the terminal)."""

from __future__ import annotations

from typing import Any

from ssi_tui.model import Study


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


def study_lines(study: Study) -> list[str]:
    """The invitation study as plain text lines (CLI)."""
    lines = [f"{'':<22}{'sent':>6}{'accepted':>10}{'rate':>7}  {'95% CI':<15}"
             f"{'exchange':>9}{'call':>6}{'meeting':>8}{'contract':>9}"]

    def row(name: str, s: Any) -> str:
        ci = f"{s.ci95[0]:.0%}–{s.ci95[1]:.0%}" if s.sent else "–"
        return (f"{name:<22}{s.sent:>6}{s.accepted:>10}{s.rate:>7.0%}  {ci:<15}"
                f"{s.funnel.get('exchange', 0):>9}{s.funnel.get('call', 0):>6}"
                f"{s.funnel.get('meeting', 0):>8}{s.funnel.get('contract', 0):>9}")

    for name, stats in study.arms.items():
        lines.append(row(name, stats))
    if study.variants:
        lines.append("By message variant:")
        for name, stats in study.variants.items():
            lines.append(row(f"  {name}"[:22], stats))
    pending = ", ".join(f"{n} {arm}" for arm, n in study.pending.items() if n)
    if pending:
        lines.append(f"Pending (too recent to judge): {pending}")
    if study.acceptance_test:
        z, p = study.acceptance_test
        lines.append(f"Acceptance: z = {z:.2f}, p = {p:.3f}")
    if study.exchange_test:
        z, p = study.exchange_test
        lines.append(f"Reaching an exchange: z = {z:.2f}, p = {p:.3f}")
    lines.append(study.verdict)
    if study.needed_per_arm:
        lines.append(f"About {study.needed_per_arm} invitations per arm would settle it.")
    return lines
