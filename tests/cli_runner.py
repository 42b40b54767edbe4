"""Running the command line in-process exactly as the console script does (one-line errors,
exit codes from `main()`), with click's runner capturing the output."""

from __future__ import annotations

import sys

import click
from click.testing import CliRunner


def run(*args: str, input: str | None = None):
    """Invoke like the real entry point: one-line errors, exit codes as main() sets them."""
    from ssi_tui import cli as cli_module

    runner = CliRunner()
    return runner.invoke(_Main(cli_module), list(args), input=input, catch_exceptions=False)


class _Main(click.Command):
    """Wraps cli.main's error handling so CliRunner sees the same output and exit codes."""

    def __init__(self, module) -> None:
        super().__init__("ssi-tui")
        self.module = module

    def main(self, args=None, **extra):  # type: ignore[override]
        saved = sys.argv
        sys.argv = ["ssi-tui", *(args or [])]
        try:
            self.module.main()
        finally:
            sys.argv = saved
