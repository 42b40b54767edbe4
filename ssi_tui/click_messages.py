"""click's own messages that our command line can show, marked for our catalogue.

click words its strings with gettext's module functions (`from gettext import gettext as _` in
each of its modules), which find their catalogue through the LANGUAGE environment variable.
Rather than set that variable, `translate_click` points those names at ours, which follow
`i18n.set_language`; translating these msgids here makes usage errors and help headings French
too. A test checks each one still appears in click's source, so an upgrade that rewords one is
seen.
"""

from __future__ import annotations

import gettext
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ssi_tui.i18n import N_, _, ngettext

MESSAGES: tuple[str, ...] = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("Error: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("No such option {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("Try '{command} {option}' for help."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("Aborted!"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("file"),
    N_("directory"),
    N_("path"),
)


def plurals() -> list[tuple[str, str]]:
    """click's messages with a plural form (the calls mark them; the list feeds the tests)."""
    return [
        (ngettext("Option {name!r} requires an argument.",
                  "Option {name!r} requires {nargs} arguments.", 1),
         ngettext("Option {name!r} requires an argument.",
                  "Option {name!r} requires {nargs} arguments.", 2)),
        (ngettext("Got unexpected extra argument ({args})",
                  "Got unexpected extra arguments ({args})", 1),
         ngettext("Got unexpected extra argument ({args})",
                  "Got unexpected extra arguments ({args})", 2)),
        (ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1),
         ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 2)),
        (ngettext("{value!r} does not match the format {format}.",
                  "{value!r} does not match the formats {formats}.", 1),
         ngettext("{value!r} does not match the format {format}.",
                  "{value!r} does not match the formats {formats}.", 2)),
        (ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1),
         ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2)),
    ]


def translate_click() -> None:
    """Word click's messages in the interface language: in every click module loaded, the
    names bound to gettext's `gettext` and `ngettext` become ours. Safe to call again."""
    import click  # noqa: F401  (its modules must be loaded to be pointed at ours)

    for name, module in list(sys.modules.items()):
        if module is None or not (name == "click" or name.startswith("click.")):
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = ngettext  # type: ignore[attr-defined]


@contextmanager
def as_at_import() -> Iterator[None]:
    """Define commands as they were when the command line imported them all at start, before
    `translate_click`: the words click fixes at definition (a path's name, "file") stay English,
    so a command imported later, in French, shows the same help once `cli.localize_help` has
    put them in the interface language ("--db FICHIER")."""
    for name, module in list(sys.modules.items()):
        if module is not None and (name == "click" or name.startswith("click.")):
            if getattr(module, "_", None) is _:
                module._ = gettext.gettext  # type: ignore[attr-defined]
            if getattr(module, "ngettext", None) is ngettext:
                module.ngettext = gettext.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        translate_click()
