"""The command line: parse, call the journal and the model, print. Nothing else lives here.

Every expected failure ends in one line on stderr: bad input exits 2 and writes nothing, an
unusable journal or config file exits 1. No traceback reaches the user for either.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from ssi_tui import __version__
from ssi_tui.domain import PROFILE_ITEMS, STAGE_LABELS, STAGES, Kind
from ssi_tui.i18n import (
    LANGUAGES,
    N_,
    _,
    on_language_change,
    parse_decimal,
    resolve_language,
    set_language,
    short_number,
)
from ssi_tui.i18n import day as day_text

KINDS = [k.value for k in Kind]


class Failure(click.ClickException):
    """A journal or config problem: one line, exit 1."""

    exit_code = 1


def bad_input(message: str) -> NoReturn:
    raise click.UsageError(message)


class Context:
    """What every command needs: where the journal is, opened on first use."""

    def __init__(self, db: Path | None) -> None:
        self.db_path = db
        self._journal: Any = None

    @property
    def settings(self) -> Any:
        from ssi_tui.config import ConfigError, load_settings

        try:
            return load_settings()
        except ConfigError as exc:
            raise Failure(str(exc)) from None

    def journal(self) -> Any:
        if self._journal is None:
            from ssi_tui.journal import JournalError, open_journal

            try:
                self._journal = open_journal(self.db_path, self.settings)
            except JournalError as exc:
                raise Failure(str(exc)) from None
        return self._journal

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a journal write; bad values exit 2, journal trouble exits 1."""
        from ssi_tui.journal import InputError, JournalError

        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            bad_input(str(exc))
        except JournalError as exc:
            raise Failure(str(exc)) from None


pass_ctx = click.make_pass_decorator(Context)
DAY = click.DateTime(formats=["%Y-%m-%d"])


class DecimalType(click.ParamType):
    """A decimal number typed either way: "12.5" or, as French speakers write it, "12,5"."""

    name = "number"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, float | int):
            return float(value)
        try:
            return parse_decimal(str(value))
        except ValueError:
            self.fail(_("{value!r} is not a number").format(value=value), param, ctx)


DECIMAL = DecimalType()


def _day(value: Any) -> date | None:
    return value.date() if value is not None else None


# -- language ----------------------------------------------------------------------------------


def _configured_language() -> str | None:
    """The config file's `language`, read without validating the rest of the file (that
    happens, with a clear error, when the journal opens)."""
    import tomllib

    from ssi_tui.paths import config_path

    try:
        value = tomllib.loads(config_path().read_text(encoding="utf-8")).get("language")
    except (OSError, ValueError):
        return None
    return value if value in LANGUAGES else None


def localize_help(command: click.Command) -> None:
    """Help texts are English msgids, fixed when the commands are defined; show them in the
    interface language (again after every change of language)."""
    for item in (command, *command.params):
        english = item.__dict__.setdefault("_english_help", getattr(item, "help", None))
        if english:
            item.help = _(english)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localize_help(sub)


def _lang_option(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(value)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("Your daily cockpit for LinkedIn's Social Selling Index: a private journal "
                     "of your habits, four pillar gauges, the trend and today's to-dos. With no "
                     "command, opens the app."))
@click.option("--lang", type=click.Choice(LANGUAGES), is_eager=True, expose_value=False,
              callback=_lang_option,
              help=N_("Interface language (default: the config file's, else the locale's)."))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), envvar="SSI_TUI_DB",
              help=N_("Journal file (default: journal.db in your data folder; env SSI_TUI_DB)."))
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Render a screen to this SVG file, headless, and exit."))
@click.option("--size", default="120x40", show_default=True,
              help=N_("Screenshot size, COLSxROWS."))
@click.option("--screen", type=click.Choice(["dashboard", "journal", "trends", "invitations",
                                              "help"]), default="dashboard", show_default=True,
              help=N_("Which screen to open or screenshot."))
@click.version_option(__version__, prog_name="ssi-tui")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, screenshot: Path | None, size: str,
        screen: str) -> None:
    ctx.obj = Context(db)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        _open_app(ctx.obj, screen=screen, screenshot=screenshot, size=size)


def _open_app(obj: Context, screen: str = "dashboard", screenshot: Path | None = None,
              size: str = "120x40") -> None:
    try:
        cols, rows = (int(part) for part in size.lower().split("x"))
    except ValueError:
        bad_input(_("size: must look like 120x40, not {size!r}").format(size=size))
    if not (20 <= cols <= 500 and 8 <= rows <= 300):
        bad_input(_("size: {size} is out of range (20x8 to 500x300)").format(size=size))
    if screenshot is not None and not screenshot.parent.is_dir():
        bad_input(_("screenshot: folder {folder} does not exist").format(
            folder=screenshot.parent))
    journal = obj.journal()
    if screenshot is None:
        journal.daily_backup()
    from ssi_tui.tui.app import run_app

    run_app(journal, screen=screen, screenshot=screenshot, size=(cols, rows))


@cli.command(help=N_("Log a habit: KIND, optionally COUNT times (e.g. `log profile_view 5 "
                     "--degree 3`)."))
@click.argument("kind", metavar="KIND", type=click.Choice(KINDS))
@click.argument("count", metavar="[COUNT]", type=click.IntRange(1, 10_000), default=1)
@click.option("--degree", type=click.Choice(["2", "3"]),
              help=N_("2nd or 3rd degree (profile views)."))
@click.option("--day", type=DAY, help=N_("Day it happened (YYYY-MM-DD), default today."))
@click.option("--contact", help=N_("Who it was about (free text)."))
@click.option("--note", help=N_("A note (free text)."))
@pass_ctx
def log(obj: Context, kind: str, count: int, degree: str | None, day: Any, contact: str | None,
        note: str | None) -> None:
    from ssi_tui.journal.rows import describe_event

    event = obj.call(obj.journal().log_event, kind=kind, count=count,
                     degree=int(degree) if degree else None, day=_day(day), contact=contact,
                     note=note)
    click.echo(_("Logged {what} (#{id})").format(what=describe_event(event), id=event.id))


@cli.command(help=N_("Record a connection request sent; prints its id (for `outcome`)."))
@click.option("--personalized/--plain", "personalized", default=None,
              help=N_("With a personal message, or plain (required)."))
@click.option("--degree", type=click.Choice(["2", "3"]), default="2", show_default=True,
              help=N_("Degree of the person invited."))
@click.option("--variant", help=N_("Label of the message variant (for the invitation study)."))
@click.option("--contact", help=N_("Who was invited."))
@click.option("--note", help=N_("A note."))
@click.option("--day", type=DAY, help=N_("Day it was sent (YYYY-MM-DD), default today."))
@pass_ctx
def invite(obj: Context, personalized: bool | None, degree: str, variant: str | None,
           contact: str | None, note: str | None, day: Any) -> None:
    if personalized is None:
        bad_input(_("personalized: give --personalized or --plain"))
    inv = obj.call(obj.journal().add_invitation, personalized=personalized, degree=int(degree),
                   variant=variant, contact=contact, note=note, sent_day=_day(day))
    click.echo(str(inv.id))


@cli.command(help=N_("Record what became of invitation ID: accepted, exchange, call, meeting or "
                     "contract."))
@click.argument("invitation_id", metavar="ID", type=click.IntRange(1))
@click.argument("stage", metavar="STAGE", type=click.Choice(list(STAGES)))
@click.option("--day", type=DAY, help=N_("Day it happened (YYYY-MM-DD), default today."))
@pass_ctx
def outcome(obj: Context, invitation_id: int, stage: str, day: Any) -> None:
    inv = obj.call(obj.journal().set_outcome, invitation_id, stage, _day(day))
    click.echo(_("Invitation #{id}: {stage} on {day}").format(
        id=inv.id, stage=STAGE_LABELS[inv.furthest_stage], day=day_text(inv.stage_day(stage))))


@cli.command(help=N_("Record an official SSI reading copied from linkedin.com/sales/ssi (each "
                     "pillar 0-25)."))
@click.argument("brand", metavar="BRAND", type=DECIMAL)
@click.argument("people", metavar="PEOPLE", type=DECIMAL)
@click.argument("insights", metavar="INSIGHTS", type=DECIMAL)
@click.argument("relationships", metavar="RELATIONSHIPS", type=DECIMAL)
@click.option("--day", type=DAY, help=N_("Day of the reading (YYYY-MM-DD), default today."))
@click.option("--industry-rank", type=DECIMAL, help=N_('Industry SSI rank: the N of "Top N%".'))
@click.option("--network-rank", type=DECIMAL, help=N_('Network SSI rank: the N of "Top N%".'))
@click.option("--industry-avg", type=DECIMAL, help=N_("Average SSI of your industry."))
@click.option("--network-avg", type=DECIMAL, help=N_("Average SSI of your network."))
@pass_ctx
def reading(obj: Context, brand: float, people: float, insights: float, relationships: float,
            day: Any, industry_rank: float | None, network_rank: float | None,
            industry_avg: float | None, network_avg: float | None) -> None:
    from ssi_tui.views import refit

    journal = obj.journal()
    rd = obj.call(journal.add_reading, brand=brand, people=people, insights=insights,
                  relationships=relationships, day=_day(day), industry_rank=industry_rank,
                  network_rank=network_rank, industry_avg=industry_avg, network_avg=network_avg)
    click.echo(_("Reading of {day}: {total}/100").format(day=day_text(rd.day),
                                                          total=short_number(rd.total)))
    obj.call(refit, journal)


@cli.command(help=N_("Record the weekly indicators LinkedIn shows on your profile dashboard."))
@click.option("--profile-views-90d", type=int, help=N_("Profile views over the last 90 days."))
@click.option("--search-appearances-7d", type=int, help=N_("Search appearances last week."))
@click.option("--followers", type=int, help=N_("Followers."))
@click.option("--connections", type=int, help=N_("Connections (network size)."))
@click.option("--day", type=DAY, help=N_("Day of the figures (YYYY-MM-DD), default today."))
@pass_ctx
def indicators(obj: Context, profile_views_90d: int | None, search_appearances_7d: int | None,
               followers: int | None, connections: int | None, day: Any) -> None:
    ind = obj.call(obj.journal().set_indicators, profile_views_90d=profile_views_90d,
                   search_appearances_7d=search_appearances_7d, followers=followers,
                   connections=connections, day=_day(day))
    click.echo(_("Indicators of {day} saved").format(day=day_text(ind.day)))


@cli.command(help=N_("List the profile checklist, or tick an ITEM with --done / --undone."))
@click.argument("item", metavar="[ITEM]", required=False, type=click.Choice(list(PROFILE_ITEMS)))
@click.option("--done/--undone", default=None, help=N_("Tick or untick ITEM."))
@pass_ctx
def profile(obj: Context, item: str | None, done: bool | None) -> None:
    journal = obj.journal()
    if item is not None:
        if done is None:
            bad_input(_("done: give --done or --undone"))
        obj.call(journal.set_profile_item, item, done)
    elif done is not None:
        bad_input(_("item: name the checklist item to tick"))
    for entry in journal.profile():
        mark = "x" if entry.done else " "
        label = PROFILE_ITEMS.get(entry.key, entry.label)
        click.echo(f"[{mark}] {entry.key:<17} {label}")


@cli.command(help=N_("Remove the last entry logged (event or invitation) and say what it was."))
@pass_ctx
def undo(obj: Context) -> None:
    removed = obj.call(obj.journal().undo)
    click.echo(_("Removed {what}").format(what=removed) if removed else _("Nothing to undo"))


@cli.command(help=N_("Open a demo journal: 180 days of a user climbing from SSI ~40 past 70 "
                     "(never your own)."))
@click.option("--db", "demo_db", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Where the demo journal lives (default: demo.db in your data folder)."))
@click.option("--print-path", is_flag=True, help=N_("Only create it and print its path."))
@pass_ctx
def demo(obj: Context, demo_db: Path | None, print_path: bool) -> None:
    from ssi_tui.journal.demo import build_demo
    from ssi_tui.paths import data_dir

    target = demo_db or data_dir() / "demo.db"
    obj.db_path = target
    if not target.exists():
        journal = obj.journal()
        obj.call(build_demo, journal)
    if print_path:
        click.echo(str(target))
        return
    _open_app(obj)


def _register_extra_commands() -> None:
    """Commands kept in modules of their own (imported here, once `cli` exists)."""
    from ssi_tui.commands import files, report
    from ssi_tui.commands.linkedin import import_linkedin

    for command in (report.status, report.invitations, report.calibrate, files.export,
                    files.import_, files.backup, files.restore, import_linkedin):
        cli.add_command(command)


_register_extra_commands()
on_language_change(lambda _language: localize_help(cli))
localize_help(cli)


def main() -> None:
    """Entry point: the language from the locale and the config file (`--lang` may change it),
    then every click error is one line on stderr with click's exit code (2)."""
    set_language(resolve_language(configured=_configured_language()))
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(_("Aborted."), err=True)
        sys.exit(1)
    except click.ClickException as exc:
        click.echo(_("Error: {message}").format(message=exc.format_message()), err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)

