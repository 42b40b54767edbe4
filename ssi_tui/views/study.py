"""The invitation study: read from the journal with its settings (the one home of that rule
for the command line and the app), worded (verdict, sample size), as JSON and as plain text."""

from __future__ import annotations

from typing import Any

from ssi_tui.i18n import (
    Translator,
    _,
    current,
    integer,
    ngettext,
    number,
    percent,
    pgettext,
    translator,
)
from ssi_tui.model import Study, invitation_study
from ssi_tui.model.invitations import FUNNEL, Finding
from ssi_tui.model.stats import Comparison


def journal_study(journal: Any) -> Study:
    """The study of every invitation in the journal, judged with its `pending_days`."""
    return invitation_study(journal.invitations(), journal.today(),
                            journal.settings.scoring.pending_days)


def p_text(p_value: float, words: Translator | None = None) -> str:
    """The p-value as a formula, with the language's decimal mark."""
    w = words or current()
    return f"p < {w.number(0.001, 3)}" if p_value < 0.001 else f"p = {w.number(p_value, 2)}"


def method_text(test: Comparison, words: Translator | None = None) -> str:
    """The test's name, as a verdict cites it."""
    w = words or current()
    return w.gettext("Fisher's exact test") if test.method == "fisher" else w.gettext("z-test")


def _acceptance(f: Finding, w: Translator) -> str:
    if f.leader is None:
        return w.gettext("Both kinds were accepted equally ({rate}): keep testing.").format(
            rate=w.percent(f.high))
    if f.leader == "personalized":
        text = (w.gettext("Personalised invitations were accepted more ({hi} vs {lo}, {p}, "
                          "{test}), significant at 5%.") if f.significant else
                w.gettext("Personalised invitations were accepted more ({hi} vs {lo}, {p}, "
                          "{test}), not significant at 5%: keep testing."))
    else:
        text = (w.gettext("Plain invitations were accepted more ({hi} vs {lo}, {p}, {test}), "
                          "significant at 5%.") if f.significant else
                w.gettext("Plain invitations were accepted more ({hi} vs {lo}, {p}, {test}), "
                          "not significant at 5%: keep testing."))
    return text.format(hi=w.percent(f.high), lo=w.percent(f.low), p=p_text(f.test.p_value, w),
                       test=method_text(f.test, w))


def stage_name(stage: str, words: Translator | None = None) -> str:
    """A funnel stage inside a sentence ("Reaching an exchange: ...")."""
    w = words or current()
    names = {"exchange": w.gettext("Reaching an exchange"), "call": w.gettext("Reaching a call"),
             "meeting": w.gettext("Reaching a meeting"),
             "contract": w.gettext("Reaching a contract")}
    return names[stage]


def _stage(f: Finding, w: Translator) -> str:
    if f.leader is None:
        return w.gettext("{stage}: no difference ({rate} each).").format(
            stage=stage_name(f.stage, w), rate=w.percent(f.high))
    if f.leader == "personalized":
        text = (w.gettext("{stage}: personalised ahead of plain ({hi} vs {lo} of judged, {p}, "
                          "{test}), significant at 5%.") if f.significant else
                w.gettext("{stage}: personalised ahead of plain ({hi} vs {lo} of judged, {p}, "
                          "{test}), not significant at 5%: keep testing."))
    else:
        text = (w.gettext("{stage}: plain ahead of personalised ({hi} vs {lo} of judged, {p}, "
                          "{test}), significant at 5%.") if f.significant else
                w.gettext("{stage}: plain ahead of personalised ({hi} vs {lo} of judged, {p}, "
                          "{test}), not significant at 5%: keep testing."))
    return text.format(stage=stage_name(f.stage, w), hi=w.percent(f.high), lo=w.percent(f.low),
                       p=p_text(f.test.p_value, w), test=method_text(f.test, w))


def verdict_text(study: Study, words: Translator | None = None) -> str:
    """The study in plain words: acceptance first, then each stage that follows it, down to
    the deepest stage anything reached."""
    w = words or current()
    if study.missing is not None:
        if study.missing == "none":
            return w.ngettext(
                "No invitation old enough to judge yet ({days} day): send both kinds, "
                "personalised and plain, to compare.",
                "No invitation old enough to judge yet ({days} days): send both kinds, "
                "personalised and plain, to compare.",
                study.pending_days).format(days=w.integer(study.pending_days))
        if study.missing == "personalized":
            return w.gettext("No personalised invitation old enough to judge yet: send both "
                             "kinds to compare.")
        return w.gettext("No plain invitation old enough to judge yet: send both kinds to "
                         "compare.")
    parts = [_acceptance(study.findings[0], w)]
    stages = [f for f in study.findings[1:] if f.high > 0]
    if not stages:
        parts.append(w.gettext("No exchange logged yet: record what follows an acceptance to "
                               "compare further down the funnel, the real measure (article 2)."))
    parts += [_stage(f, w) for f in stages]
    return " ".join(parts)


def sample_size_text(study: Study, words: Translator | None = None) -> str | None:
    """The one sentence on how many invitations would settle the question (command line and
    app alike)."""
    w = words or current()
    test = study.acceptance_test
    if test is None:
        return None
    if test.method == "fisher":
        return w.gettext("Too few judged invitations for the z-test (an expected count below "
                         "5): Fisher's exact test is used, and no sample size is estimated yet.")
    if study.needed_per_arm:
        return w.ngettext(
            "About {n} judged invitation per arm would detect the acceptance difference seen so "
            "far (5% level, power 80%).",
            "About {n} judged invitations per arm would detect the acceptance difference seen so "
            "far (5% level, power 80%).", study.needed_per_arm).format(
                n=w.integer(study.needed_per_arm))
    return None


def study_json(study: Study) -> dict[str, Any]:
    """What `invitations --json` prints: figures and codes, the verdict and the sample size in
    English whatever the interface language (nothing switched)."""
    def arm(stats: Any) -> dict[str, Any]:
        return {"sent": stats.sent, "judged": stats.judged, "accepted": stats.accepted,
                "pending": stats.pending, "rate": stats.rate,
                "ci95": list(stats.ci95), "funnel": dict(stats.funnel),
                "funnel_rates": dict(stats.funnel_rates)}

    def test(result: Comparison | None) -> dict[str, Any] | None:
        return None if result is None else {"method": result.method, "p_value": result.p_value,
                                            "z": result.z}

    english = translator("en")
    return {
        "arms": {name: arm(stats) for name, stats in study.arms.items()},
        "variants": {name: arm(stats) for name, stats in study.variants.items()},
        "pending": dict(study.pending),
        "pending_days": study.pending_days,
        "tests": {stage: test(result) for stage, result in study.tests.items()},
        "verdict": verdict_text(study, english),
        "sample_size": sample_size_text(study, english),
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
    titles = [pgettext("study column", "sent"), pgettext("study column", "judged"),
              pgettext("study column", "accepted"),
              pgettext("study column", "rate"), pgettext("study column", "95% CI"),
              pgettext("study column", "exchange"), pgettext("study column", "call"),
              pgettext("study column", "meeting"), pgettext("study column", "contract")]
    sent_w, judged_w, accepted_w, rate_w, ci_w, *stage_w = (
        max(width, len(title) + 1)
        for title, width in zip(titles, (6, 8, 10, 7, 15, 9, 6, 8, 9), strict=True))
    stage_titles = titles[5:]
    lines = [f"{'':<22}{titles[0]:>{sent_w}}{titles[1]:>{judged_w}}{titles[2]:>{accepted_w}}"
             f"{titles[3]:>{rate_w}}  {titles[4]:<{ci_w}}"
             + "".join(f"{t:>{w}}" for t, w in zip(stage_titles, stage_w, strict=True))]

    def row(name: str, s: Any) -> str:
        ci = f"{percent(s.ci95[0])}–{percent(s.ci95[1])}" if s.judged else "–"
        funnel = "".join(f"{integer(s.funnel.get(stage, 0)):>{w}}"
                         for stage, w in zip(FUNNEL, stage_w, strict=True))
        return (f"{name:<22}{integer(s.sent):>{sent_w}}{integer(s.judged):>{judged_w}}"
                f"{integer(s.accepted):>{accepted_w}}"
                f"{percent(s.rate):>{rate_w}}  {ci:<{ci_w}}{funnel}")

    for name, stats in study.arms.items():
        lines.append(row(_arm_name(name), stats))
    if study.variants:
        lines.append(_("By message variant:"))
        for name, stats in study.variants.items():
            lines.append(row(f"  {name}"[:22], stats))
    pending = ", ".join(_pending(arm, n) for arm, n in study.pending.items() if n)
    if pending:
        lines.append(ngettext("Pending (younger than {days} day, not judged): {pending}",
                              "Pending (younger than {days} days, not judged): {pending}",
                              study.pending_days).format(days=integer(study.pending_days),
                                                         pending=pending))
    lines += test_lines(study)
    lines.append(verdict_text(study))
    size = sample_size_text(study)
    if size:
        lines.append(size)
    return lines


def test_lines(study: Study) -> list[str]:
    """One line per compared stage that anyone reached: the test used and its p-value (command
    line and app; the JSON lists every stage)."""
    lines = []
    reached = {f.stage for f in study.findings if f.high > 0 or f.stage == "acceptance"}
    for stage, test in study.tests.items():
        if test is None or stage not in reached:
            continue
        name = _("Acceptance") if stage == "acceptance" else stage_name(stage)
        if test.z is not None:
            lines.append(_("{stage}: z-test, z = {z}, p = {p}").format(
                stage=name, z=number(test.z, 2), p=number(test.p_value, 3)))
        else:
            lines.append(_("{stage}: Fisher's exact test, p = {p}").format(
                stage=name, p=number(test.p_value, 3)))
    return lines
