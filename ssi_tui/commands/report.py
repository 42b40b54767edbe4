"""Reports: `status`, `invitations` and `calibrate`. Thin: read the journal, run the model
through the view models, print text or JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import click

from ssi_tui.cli import DAY, Context, _day, pass_ctx
from ssi_tui.domain import PILLAR_LABELS, PILLARS


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable JSON.")
@click.option("--reset", is_flag=True, help="Drop the calibration: show the model's own estimate.")
@pass_ctx
def calibrate(obj: Context, as_json: bool, reset: bool) -> None:
    """Fit the estimate to your official readings (4 or more) and say how much it helps."""
    from ssi_tui.views import refit

    journal = obj.journal()
    if reset:
        dropped = obj.call(journal.reset_calibration)
        click.echo("Calibration dropped" if dropped else "There was no calibration")
        return
    cal = obj.call(refit, journal)
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
        click.echo("Not enough official readings yet: calibration needs at least 4.")
        return
    click.echo(f"Calibrated on {cal.readings} readings ({cal.made_on}).")
    for pillar, fit in cal.fits.items():
        click.echo(f"  {PILLAR_LABELS[pillar]:<36} reading ≈ {fit.scale:.3f} × estimate "
                   f"{fit.intercept:+.2f}")
    click.echo(f"Error of the total: {cal.mae_before:.2f} before, {cal.mae_after:.2f} after "
               "(leave-one-out)")
    click.echo("The calibrated estimate is shown." if cal.better else
               "The model's own estimate stays: calibration does not beat it out of sample.")


@click.command()
@click.option("--day", type=DAY, help="Day to report (YYYY-MM-DD), default today.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable JSON.")
@click.option("--line", is_flag=True, help="One short line, for a shell prompt or tmux.")
@pass_ctx
def status(obj: Context, day: Any, as_json: bool, line: bool) -> None:
    """Today's estimate by pillar, total, reach band, streak, to-dos and warnings."""
    if line and day is None and not as_json:
        _print_line(obj)
        return
    _print_status(obj.journal(), _day(day), as_json=as_json, line=line)


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
    from ssi_tui.views import build_status

    journal = obj.journal()
    st = build_status(journal, None, accuracy=False)
    text = _line(st)
    settings = journal.settings
    until = day_start(st.day + timedelta(days=1), settings.day_start_hour, settings.timezone)
    obj.close()  # closing may fold the write-ahead log back: fingerprint what stays
    line_cache.write(db, config, text, until.timestamp())
    click.echo(text)


def _line(st: Any) -> str:
    left = sum(1 for t in st.todos if not t.done)
    return f"SSI {st.total:.0f} {st.reach.band} · {left} to do"


def _print_status(journal: Any, day: date | None, as_json: bool, line: bool = False) -> None:
    from ssi_tui.views import build_status

    st = build_status(journal, day, accuracy=not line)  # the prompt line needs no history
    if as_json:
        click.echo(json.dumps(st.as_json(), indent=2, ensure_ascii=False))
        return
    if line:
        click.echo(_line(st))
        return
    click.echo(f"SSI estimate for {st.day.isoformat()}")
    for key in PILLARS:
        value = st.pillars[key]
        click.echo(f"  {PILLAR_LABELS[key]:<36} {value:5.1f} / 25")
    mult = f"reach x{st.reach.multiplier:g}" if st.reach.multiplier else "reach below 75"
    click.echo(f"  {'Total':<36} {st.total:5.1f} / 100  ({st.reach.band}, {mult})")
    click.echo(f"  {st.reach.advice}")
    if st.calibrated:
        click.echo("  (calibrated to your official readings; `ssi-tui calibrate` for details)")
    acc = st.accuracy
    if acc.readings:
        click.echo(f"Accuracy over {acc.readings} official reading(s): mean error "
                   f"{acc.mae_total:.1f} points, bias {acc.bias_total:+.1f} (model alone)")
    for fc in st.forecasts:
        if fc.expected_day == st.day:
            continue
        when = (f"around {fc.expected_day} (between {fc.earliest or '?'} and "
                f"{fc.latest or 'later'})" if fc.expected_day else "not at this pace")
        click.echo(f"Reaching {fc.target:.0f}: {when}")
    click.echo(f"Login streak: {st.streak.current} day(s) (longest {st.streak.longest})")
    click.echo("To do today:")
    for todo in st.todos:
        mark = "x" if todo.done else " "
        click.echo(f"  [{mark}] {todo.title} {todo.progress}/{todo.target}"
                   + (f"  ({todo.reason})" if todo.reason else ""))
    for warning in st.warnings:
        click.echo(f"! {warning}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable JSON.")
@pass_ctx
def invitations(obj: Context, as_json: bool) -> None:
    """Personalised vs plain invitations: acceptance, the funnel, and whether it is significant."""
    from ssi_tui.views import study_json, study_lines

    journal = obj.journal()
    from ssi_tui.model import invitation_study

    study = invitation_study(journal.invitations(), journal.today())
    if as_json:
        click.echo(json.dumps(study_json(study), indent=2))
    else:
        for text in study_lines(study):
            click.echo(text)
