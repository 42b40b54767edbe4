"""The command line: the root group, the language, and the registry of command modules
(ssi_tui.commands.*). Nothing else lives here; the commands import ssi_tui.commands.context,
never this module. A command's module is imported only when that command runs or its help is
shown (`LazyGroup`): opening the app imports `commands.launch` alone.

Every expected failure ends in one line on stderr: bad input exits 2 and writes nothing, an
unusable journal or config file exits 1. No traceback reaches the user for either.
"""

from __future__ import annotations

import sys
from importlib import import_module
from pathlib import Path

import click

from ssi_tui import __version__, startup
from ssi_tui.click_messages import as_at_import, translate_click
from ssi_tui.commands import launch
from ssi_tui.commands.context import Context
from ssi_tui.i18n import (
    LANGUAGES,
    N_,
    _,
    on_language_change,
    resolve_language,
    set_language,
)

# -- language ----------------------------------------------------------------------------------


def _configured_language() -> str | None:
    """The config file's `language`, read without validating the rest of the file (that
    happens, with a clear error, when the journal opens)."""
    from ssi_tui.paths import config_path

    try:
        text = config_path().read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    import tomllib

    try:
        value = tomllib.loads(text).get("language")
    except ValueError:
        return None
    return value if value in LANGUAGES else None


def localize_help(command: click.Command) -> None:
    """Help texts are English msgids, fixed when the commands are defined; show them in the
    interface language (again after every change of language)."""
    for item in (command, *command.params):
        english = item.__dict__.setdefault("_english_help", getattr(item, "help", None))
        if english:
            item.help = _(english)
    for param in command.params:  # "File '/tmp' is a directory" and the metavar FILE (the
        # words are in click_messages.MESSAGES)
        if isinstance(param.type, click.Path):
            name = param.type.__dict__.setdefault("_english_name", param.type.name)
            param.type.name = _(name)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localize_help(sub)


def _lang_option(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(value)


COMMANDS: dict[str, str] = {
    "log": "records:log", "invite": "records:invite", "outcome": "records:outcome",
    "reading": "records:reading", "indicators": "records:indicators",
    "profile": "records:profile", "demo": "launch:demo", "status": "report:status",
    "invitations": "report:invitations", "calibrate": "report:calibrate",
    "export": "files:export", "import": "files:import_", "backup": "files:backup",
    "restore": "files:restore", "import-linkedin": "linkedin:import_linkedin",
    "undo": "history:undo", "redo": "history:redo", "history": "history:history",
    "edit": "edit:edit", "delete": "edit:delete", "share": "team:share", "team": "team:team",
}
"""Every subcommand: its name and where it is defined (`module:attribute` under
ssi_tui.commands). To add one, write it in ssi_tui/commands/ and list it here."""


class LazyGroup(click.Group):
    """click's lazy-loading pattern: the names are listed here, a command's module is imported
    the first time the command is asked for (to run it, show its help or complete it)."""

    def __init__(self, *args: object, lazy: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.add_command(load_command(self.lazy[cmd_name]), cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: click.Context,
                        args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:  # "did you mean": from every name
            raise click.exceptions.NoSuchCommand(
                exc.command_name, possibilities=self.list_commands(ctx), ctx=ctx) from None


def load_command(where: str) -> click.Command:
    """Import a command (`module:attribute` under ssi_tui.commands), ready to run: `--db`
    accepted after it, help in the interface language."""
    module, attribute = where.split(":")
    with as_at_import():  # then click's messages, in any click module it imported, are ours
        command: click.Command = getattr(import_module(f"ssi_tui.commands.{module}"),
                                         attribute)
        accept_db_after(command)
    localize_help(command)
    return command


def _journal_file(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """`--db` names a file whose folder must exist (bad input: exit 2, naming `--db`); only
    the default data folder is created."""
    if value is not None and not value.parent.is_dir():
        raise click.BadParameter(_("folder {folder} does not exist").format(
            folder=value.parent))
    return value


@click.group(cls=LazyGroup, lazy=COMMANDS, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("Your daily cockpit for LinkedIn's Social Selling Index: a private journal "
                     "of your habits, four pillar gauges, the trend and today's to-dos. With no "
                     "command, opens the app."))
@click.option("--lang", type=click.Choice(LANGUAGES), is_eager=True, expose_value=False,
              callback=_lang_option,
              help=N_("Interface language (default: the config file's, else the locale's)."))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), envvar="SSI_TUI_DB",
              callback=_journal_file,
              help=N_("Journal file (default: journal.db in your data folder; env SSI_TUI_DB)."))
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Render a screen to this SVG file, headless, and exit."))
@click.option("--size", default="120x40", show_default=True,
              help=N_("Screenshot size, COLSxROWS."))
@click.option("--screen", type=click.Choice(launch.SCREENS), default="dashboard", show_default=True,
              help=N_("Which screen to open or screenshot."))
@click.version_option(__version__, prog_name="ssi-tui")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, screenshot: Path | None, size: str,
        screen: str) -> None:
    ctx.obj = Context(db, {"screen": screen, "screenshot": screenshot, "size": size})
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        launch.open_app(ctx.obj, **ctx.obj.app_options)
        return
    startup.resume()  # a command: the collector as usual (the app resumes it after its frame)
    if screenshot is not None and ctx.invoked_subcommand not in launch.OPENS_THE_APP:
        raise click.UsageError(_("--screenshot: {command} opens no screen (only the app and "
                                 "demo do)").format(command=ctx.invoked_subcommand))


def _db_after_command(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    obj = ctx.find_object(Context)
    if _journal_file(ctx, param, value) is not None and obj is not None:
        obj.db_path = value


def accept_db_after(command: click.Command) -> None:
    """`ssi-tui status --db X` as well as `ssi-tui --db X status` (`demo --db` keeps its own
    meaning: where the demo journal lives)."""
    if any("--db" in param.opts for param in command.params):
        return
    command.params.append(click.Option(
        ["--db"], type=click.Path(dir_okay=False, path_type=Path), expose_value=False,
        callback=_db_after_command, is_eager=True,
        help=N_("Journal file (as before the command).")))


on_language_change(lambda _language: localize_help(cli))
localize_help(cli)
translate_click()


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

