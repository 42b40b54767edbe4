"""`share` and `team`: publish your share to a team folder or PostgreSQL, and open the team
view over it (see docs/team.md). Thin: parse, call ssi_tui.team, print."""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from ssi_tui.commands.context import (
    DAY,
    Context,
    Failure,
    bad_input,
    day_option,
    pass_ctx,
    terminal_size,
)
from ssi_tui.i18n import N_, _, integer
from ssi_tui.i18n import day as day_text


def _team_call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a team action: bad values exit 2, an unusable target exits 1, one line each."""
    from ssi_tui.team.errors import TeamError, TeamInputError

    try:
        return fn(*args, **kwargs)
    except TeamInputError as exc:
        bad_input(str(exc))
    except TeamError as exc:
        raise Failure(str(exc)) from None


def _check_name(name: str, option: str) -> str:
    from ssi_tui.team.share import NAME_RE

    if not NAME_RE.match(name):
        bad_input(f"{option}: " + _("{name!r} is not a usable name (letters, digits, . _ -, "
                                    "up to 63)").format(name=name))
    return name


def _default_name(target: str) -> str:
    """Who the share is from: on PostgreSQL the login libpq will use, else the OS user."""
    import getpass

    from ssi_tui.team.targets import is_postgres

    if is_postgres(target):
        try:
            from psycopg.conninfo import conninfo_to_dict

            user = conninfo_to_dict(target).get("user")
        except Exception:  # no psycopg, or a malformed URL: both reported when connecting
            user = None
        return str(user or os.environ.get("PGUSER") or getpass.getuser())
    return getpass.getuser()


@click.command(help=N_("Publish your share to the team: counts per day, official readings, the "
                       "daily estimate, weekly indicators and invitations (never contacts, "
                       "notes, URLs or messages) to a folder or a postgresql:// URL."))
@click.option("--to", "target", required=True, metavar="TARGET",
              help=N_("A shared folder, or a postgresql://… URL."))
@click.option("--as", "name", help=N_("Your name in a team folder (default: your login name); "
                                      "on PostgreSQL you share as your database login."))
@click.option("--since", type=DAY, help=N_("Send only the days from this one (YYYY-MM-DD); "
                                           "default: your whole journal."))
@click.option("--dry-run", is_flag=True, help=N_("Print exactly what would be sent (JSON), and "
                                                 "send nothing."))
@click.option("--revoke", is_flag=True, help=N_("Remove all your data from the target."))
@pass_ctx
def share(obj: Context, target: str, name: str | None, since: datetime | None, dry_run: bool,
          revoke: bool) -> None:
    from ssi_tui.team import targets

    postgres = targets.is_postgres(target)
    if postgres and name is not None:
        bad_input(_("as: does not apply to PostgreSQL, where you share as your database login"))
    if not postgres and not Path(target).expanduser().is_dir():
        bad_input(_("to: folder {folder} does not exist").format(folder=target))
    rep = _check_name(name or _default_name(target), "as")
    if revoke:
        if dry_run:
            click.echo(_("Would remove all the data of {name} from {target}").format(
                name=rep, target=_shown(target)))
            return
        removed = _team_call(targets.revoke, target, rep)
        click.echo(_("Removed your share from {target}").format(target=_shown(target))
                   if removed else _("Nothing of yours was shared there"))
        return
    from ssi_tui.team.share import build_share

    journal = obj.journal()
    today = journal.today()
    first = day_option(since)
    if first is not None and first > today:
        bad_input(_("since: {day} is in the future").format(day=day_text(first)))
    data = build_share(journal, rep, since=first, today=today)
    if dry_run:
        click.echo(json.dumps(data.as_json(), indent=2, ensure_ascii=False))
        return
    shared_as = _team_call(targets.publish, target, data)
    click.echo(_("Shared {rows} rows ({first} to {last}) to {target} as {name}").format(
        rows=integer(data.row_count), first=day_text(data.first_day),
        last=day_text(data.last_day), target=_shown(target), name=shared_as))


def _shown(target: str) -> str:
    """A target as printed: a URL without its password."""
    from ssi_tui.team.targets import is_postgres

    if not is_postgres(target):
        return target
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(target)
    if parts.password is None:
        return target
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


@click.group(invoke_without_command=True,
             help=N_("The team view over a shared folder or PostgreSQL: leaderboard, pillars by "
                     "rep, trend, habits against the to-dos, the pooled invitation study and "
                     "who needs help. `team init` and `team add-rep` set PostgreSQL up."))
@click.option("--from", "source", metavar="SOURCE",
              help=N_("The team folder, or a postgresql://… URL."))
@click.option("--json", "as_json", is_flag=True, help=N_("Machine-readable JSON."))
@click.option("--day", type=DAY, help=N_("Day to show (YYYY-MM-DD), default today."))
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Render the team screen to this SVG file, headless, and exit."))
@click.option("--size", default="120x40", show_default=True,
              help=N_("Screenshot size, COLSxROWS."))
@click.pass_context
def team(ctx: click.Context, source: str | None, as_json: bool, day: datetime | None,
         screenshot: Path | None, size: str) -> None:
    if ctx.invoked_subcommand is not None:
        return
    if not source:
        bad_input(_("from: give --from FOLDER or --from postgresql://…"))
    obj: Context = ctx.ensure_object(Context)
    settings = obj.settings
    today = day_option(day) or _today(settings)
    from ssi_tui.team.targets import load_board

    board = _team_call(load_board, source, today, settings.scoring)
    if as_json:
        click.echo(json.dumps(board.as_json(), indent=2))
        return
    cols, rows = terminal_size(size)
    from ssi_tui.tui.team_app import run_team_app

    run_team_app(board, lambda: load_board(source, today, settings.scoring),
                 screenshot=screenshot, size=(cols, rows))


def _today(settings: Any) -> date:
    from ssi_tui.journal.days import journal_day, utc_now

    return journal_day(utc_now(), settings.day_start_hour, settings.timezone)



@team.command(name="init", help=N_("Create or upgrade the team schema on PostgreSQL, with the "
                                   "group roles ssi_rep and ssi_manager and row-level security "
                                   "(run by an administrator)."))
@click.option("--to", "target", required=True, metavar="URL", help=N_("A postgresql://… URL."))
def init(target: str) -> None:
    from ssi_tui.team import postgres

    _postgres_only(target)
    applied = _team_call(postgres.init, target)
    if applied:
        click.echo(_("Schema migrated to version {version} (applied: {list})").format(
            version=len(postgres.MIGRATIONS), list=", ".join(str(v) for v in applied)))
    else:
        click.echo(_("Schema already at version {version}").format(
            version=len(postgres.MIGRATIONS)))


def _postgres_only(target: str) -> None:
    from ssi_tui.team.targets import is_postgres

    if not is_postgres(target):
        bad_input(_("to: needs a postgresql://… URL (a folder needs no set-up)"))


def _password(password_env: str | None) -> str:
    if password_env is not None:
        value = os.environ.get(password_env)
        if not value:
            bad_input(_("password-env: {var} is not set").format(var=password_env))
        return value
    return str(click.prompt(_("Password"), hide_input=True, confirmation_prompt=True))


def _add_login(target: str, name: str, password_env: str | None, group: str) -> None:
    from ssi_tui.team import postgres

    _postgres_only(target)
    _check_name(name, "name")
    created = _team_call(postgres.add_login, target, name, _password(password_env), group)
    click.echo((_("Created {name} in {group}") if created else
                _("{name} was there: password reset, member of {group}")).format(
        name=name, group=group))


LOGIN_OPTIONS = (
    click.argument("name", metavar="NAME"),
    click.option("--to", "target", required=True, metavar="URL",
                 help=N_("A postgresql://… URL (an administrator's).")),
    click.option("--password-env", metavar="VAR",
                 help=N_("Read the new password from this environment variable instead of a "
                         "prompt.")),
)


def _login_command(fn: Any) -> Any:
    for decorator in reversed(LOGIN_OPTIONS):
        fn = decorator(fn)
    return fn


@team.command(name="add-rep", help=N_("Create a rep's login (member of ssi_rep): reads and "
                                      "writes only their own rows, sees the team's aggregates."))
@_login_command
def add_rep(name: str, target: str, password_env: str | None) -> None:
    _add_login(target, name, password_env, "ssi_rep")


@team.command(name="add-manager", help=N_("Create a manager's login (member of ssi_manager): "
                                          "reads every rep's rows."))
@_login_command
def add_manager(name: str, target: str, password_env: str | None) -> None:
    _add_login(target, name, password_env, "ssi_manager")

