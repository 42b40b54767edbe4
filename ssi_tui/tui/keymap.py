"""The user's `[keymap]`, checked before the app starts, and the key each binding really has.

Textual ignores an unknown binding id and lets a rebound key silently take another binding's
key; both are mistakes a user cannot see. `check_keymap` turns each into a one-line error
naming the entry. `live_key` is what the help and the palette show, so a rebinding shows there.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ssi_tui.i18n import _

KEY_NAMES = {"question_mark": "?", "left_square_bracket": "[", "right_square_bracket": "]",
             "full_stop": ".", "comma": ",", "space": "Space"}
"""Textual's names of a few keys, as the keyboard shows them."""


class KeymapError(ValueError):
    """A `[keymap]` entry that cannot work; the message names it."""


def live_key(binding_id: str, default: str, keymap: Mapping[str, str]) -> str:
    """The key(s) of `binding_id` as a person reads them: the keymap's if it rebinds it."""
    keys = keymap.get(binding_id, default)
    return "/".join(KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))


def _scopes() -> Iterator[tuple[str, list[Any]]]:
    """Each screen with the bindings active on it (its own and the app's)."""
    from ssi_tui.tui.app import SsiApp
    from ssi_tui.tui.forms.base import FormScreen
    from ssi_tui.tui.forms.outcome import OutcomeForm
    from ssi_tui.tui.screens.dashboard import DashboardScreen
    from ssi_tui.tui.screens.explain import ExplainScreen
    from ssi_tui.tui.screens.help import HelpScreen
    from ssi_tui.tui.screens.invitations import InvitationsScreen
    from ssi_tui.tui.screens.journal import ConfirmDelete, JournalScreen
    from ssi_tui.tui.screens.trends import TrendsScreen

    app = [b for bs in SsiApp._merged_bindings.key_to_bindings.values() for b in bs]
    for screen in (DashboardScreen, JournalScreen, TrendsScreen, InvitationsScreen, HelpScreen,
                   ExplainScreen, FormScreen, OutcomeForm, ConfirmDelete):
        own = [b for bs in screen._merged_bindings.key_to_bindings.values() for b in bs]
        yield screen.__name__, app + own


def _keys(text: str) -> list[str]:
    from textual.keys import _character_to_key

    return [_character_to_key(key.strip()) if len(key.strip()) == 1 else key.strip()
            for key in text.split(",") if key.strip()]


def check_keymap(keymap: Mapping[str, str]) -> None:
    """Raise KeymapError for the first entry that names no binding, or whose key another
    binding of the same screen already has (and keeps)."""
    if not keymap:
        return
    scopes = list(_scopes())
    known = {b.id for _name, bindings in scopes for b in bindings if b.id}
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            raise KeymapError(_('keymap: "{id}" is not a binding id (the help screen, ?, '
                                'lists them)').format(id=binding_id))
        if not _keys(keys):
            raise KeymapError(_('keymap: "{id}" has no key').format(id=binding_id))
    for _name, bindings in scopes:
        holders: dict[str, str] = {}
        for binding in bindings:
            if not binding.id:
                continue
            rebound = binding.id in keymap
            for key in _keys(keymap[binding.id]) if rebound else _keys(binding.key):
                other = holders.setdefault(key, binding.id)
                if other == binding.id:
                    continue
                entry = binding.id if rebound else other
                if entry not in keymap:
                    continue  # two defaults on one key: Textual's own business, not the user's
                taken = other if entry == binding.id else binding.id
                raise KeymapError(_('keymap: "{id}" = "{keys}" takes {key} from {other}, '
                                    'which keeps it; rebind {other} too, or pick another key')
                                  .format(id=entry, keys=keymap[entry],
                                          key=KEY_NAMES.get(key, key), other=taken))
