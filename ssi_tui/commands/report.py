"""Reports: `status`, `invitations` and `calibrate`. Thin: read the journal, run the model
through the view models, print text or JSON."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import click

from ssi_tui.commands.context import DAY, Context, day_option, exclusive, pass_ctx
from ssi_tui.domain import PILLARS
from ssi_tui.i18n import N_, _, ngettext, number, short_number
from ssi_tui.i18n import day as day_text
from ssi_tui.labels import PILLAR_LABELS

if TYPE_CHECKING:
    from ssi_tui.service.session import Session
    from ssi_tui.views import Status


@click.command(help=N_("Fit the estimate to your official readings (4 or more) and say how much "
                       "it helps."))
@click.option("--json", "as_json", is_flag=True, help=N_("Machine-readable JSON."))
@click.option("--reset", is_flag=True,
              help=N_("Drop the calibration: show the model's own estimate."))
@pass_ctx
def calibrate(obj: Context, as_json: bool, reset: bool) -> None:
    journal = obj.journal()
    if reset:
        dropped = obj.call(journal.reset_calibration)
        click.echo(_("Calibration dropped") if dropped else _("There was no calibration"))
        return
    cal = obj.call(obj.session().refit)
    if as_json:
        click.echo(json.dumps(None if cal is None else {
            "readings": cal.readings, "made_on": cal.made_on.isoformat(),
            "mae_before": cal.mae_before, "mae_after_loo": cal.mae_after,
            "used": cal.better,
            "fits": {p: {"scale": f.scale, "intercept": f.intercept}
                     for p, f in cal.fits.items()},
        }, indent=2))
        return
    if cal is None:
        click.echo(_("Not enough official readings yet: calibration needs at least 4."))
        return
    click.echo(ngettext("Calibrated on {n} reading ({day}).", "Calibrated on {n} readings ({day}).",
                        cal.readings).format(n=cal.readings, day=day_text(cal.made_on)))
    width = _label_width()
    for pillar, fit in cal.fits.items():
        click.echo(f"  {PILLAR_LABELS[pillar]:<{width}} " + _("reading ≈ {scale} × estimate "
                   "{intercept}").format(scale=number(fit.scale, 3),
                                         intercept=number(fit.intercept, 2, sign=True)))
    click.echo(_("Error of the total: {before} before, {after} after (leave-one-out)").format(
        before=number(cal.mae_before, 2), after=number(cal.mae_after, 2)))
    click.echo(_("The calibrated estimate is shown.") if cal.better else
               _("The model's own estimate stays: calibration does not beat it out of sample."))


def _label_width() -> int:
    """The pillar names' column: 36 in English, wider when the language's names are longer."""
    return max(36, *(len(PILLAR_LABELS[p]) + 1 for p in PILLARS))


@click.command(help=N_("Today's estimate by pillar, total, reach band, streak, to-dos and "
                       "warnings."))
@click.option("--day", type=DAY, help=N_("Day to report (YYYY-MM-DD), default today."))
@click.option("--json", "as_json", is_flag=True, help=N_("Machine-readable JSON."))
@click.option("--line", is_flag=True, help=N_("One short line, for a shell prompt or tmux."))
@click.option("--why", is_flag=True,
              help=N_("Say why each to-do is there: its term, its points and the article's words."))
@pass_ctx
def status(obj: Context, day: datetime | None, as_json: bool, line: bool, why: bool) -> None:
    exclusive(json=as_json, line=line)
    if line and day is None and not as_json:
        _print_line(obj)
        return
    _print_status(obj.session(), day_option(day), as_json=as_json, line=line, why=why)


def _print_line(obj: Context) -> None:
    """The prompt line, from the cache while nothing changed (see line_cache)."""
    from ssi_tui.commands import line_cache
    from ssi_tui.journal.days import day_start, utc_now
    from ssi_tui.paths import config_path, default_db_path

    db, config = obj.db_path or default_db_path(), config_path()
    cached = line_cache.read(db, config, utc_now().timestamp())
    if cached is not None:
        click.echo(cached)
        return
    session = obj.session()
    st = session.build_status(accuracy=False)
    text = _line(st)
    settings = session.settings
    until = day_start(st.day + timedelta(days=1), settings.day_start_hour, settings.timezone)
    obj.close()  # closing may fold the write-ahead log back: fingerprint what stays
    line_cache.write(db, config, text, until.timestamp())
    click.echo(text)


def _line(st: Status) -> str:
    from ssi_tui.views.texts import reach_name

    return _("SSI {total} {band} · {n} to do").format(total=f"{st.total:.0f}",
                                                     band=reach_name(st.reach), n=st.todos_left)


def _print_status(session: Session, day: date | None, as_json: bool,
                  line: bool = False, why: bool = False) -> None:
    from ssi_tui.views.forecast import forecast_text, plan_text
    from ssi_tui.views.texts import (  # the model loads only for a report
        reach_advice,
        reach_name,
        todo_reason,
        todo_title,
        warning_text,
    )
    from ssi_tui.views.todos import todo_why

    if as_json:  # files move between users: English words beside the codes, ISO dates
        st = session.build_status(day)
        click.echo(json.dumps(st.as_json(), indent=2, ensure_ascii=False))
        return
    st = session.build_status(day, accuracy=not line)  # the prompt line needs no history
    if line:
        click.echo(_line(st))
        return
    click.echo(_("SSI estimate for {day}").format(day=day_text(st.day)))
    width = _label_width()
    for key in PILLARS:
        value = st.pillars[key]
        click.echo(f"  {PILLAR_LABELS[key]:<{width}} {number(value):>5} / 25")
    mult = (_("reach x{multiplier}").format(multiplier=short_number(st.reach.multiplier))
            if st.reach.multiplier else _("reach below 75"))
    click.echo(f"  {_('Total'):<{width}} {number(st.total):>5} / 100  "
               f"({reach_name(st.reach)}, {mult})")
    click.echo(f"  {reach_advice(st.reach)}")
    if st.calibrated:
        click.echo(_("  (calibrated to your official readings; `ssi-tui calibrate` for details)"))
    acc = st.accuracy
    if acc.readings:
        click.echo(ngettext(
            "Accuracy over {n} official reading: mean error {error} points, bias {bias} "
            "(model alone)",
            "Accuracy over {n} official readings: mean error {error} points, bias {bias} "
            "(model alone)", acc.readings).format(
                n=acc.readings, error=number(acc.mae_total),
                bias=number(acc.bias_total, sign=True)))
    for fc in st.forecasts:
        click.echo(_("Forecast: {text}").format(text=forecast_text(fc, st.day)))
    if st.plan is not None:
        click.echo(plan_text(st.plan, st.day))
    click.echo(ngettext("Login streak: {n} day (longest {longest})",
                        "Login streak: {n} days (longest {longest})", st.streak.current).format(
        n=st.streak.current, longest=st.streak.longest))
    click.echo(_("To do today ({n} left):").format(n=st.todos_left))
    for todo in st.todos:
        mark = "x" if todo.done else " "
        reason = todo_reason(todo)
        click.echo(f"  [{mark}] {todo_title(todo)} {todo.progress}/{todo.target}"
                   + (f"  ({reason})" if reason else ""))
        if why:
            click.echo("      " + todo_why(todo))
    for warning in st.warnings:
        click.echo(f"! {warning_text(warning)}")


@click.command(help=N_("Personalised vs plain invitations: acceptance, the funnel, and whether it "
                       "is significant."))
@click.option("--json", "as_json", is_flag=True, help=N_("Machine-readable JSON."))
@pass_ctx
def invitations(obj: Context, as_json: bool) -> None:
    from ssi_tui.views import journal_study, study_json, study_lines

    study = journal_study(obj.journal())
    if as_json:  # English keys and verdicts, whatever the interface language
        click.echo(json.dumps(study_json(study), indent=2))
        return
    for text in study_lines(study):
        click.echo(text)
