"""The brand pillar's profile checklist (the `profile_checklist` table)."""

from __future__ import annotations

from datetime import date

from ssi_tui.domain import PROFILE_ITEMS, ProfileItem
from ssi_tui.journal.base import JournalBase
from ssi_tui.journal.rows import _day
from ssi_tui.labels import PROFILE_ITEM_LABELS


class Profile(JournalBase):
    def profile(self) -> list[ProfileItem]:
        rows = self.conn.execute("SELECT item, label, done, day FROM profile_checklist")
        # the stored label is English: show the one of the interface language
        by_key = {row[0]: ProfileItem(row[0], PROFILE_ITEM_LABELS[row[0]] if row[0] in PROFILE_ITEMS
                                      else row[1], bool(row[2]), _day(row[3])) for row in rows}
        return [by_key[key] for key in PROFILE_ITEMS if key in by_key]

    def profile_item(self, key: str) -> ProfileItem | None:
        return next((item for item in self.profile() if item.key == key), None)

    def set_profile_item(self, item: str, done: bool, day: date | None = None,
                         surface: str | None = None) -> ProfileItem:
        from ssi_tui.journal import records as r

        rec = r.validate(r.ProfileItemIn, {"item": item, "done": done, "day": day})
        when = self._check_day(rec.day)
        with self._change("profile", surface, {"item": rec.item, "done": rec.done}) as change:
            change.update("profile_checklist", rec.item,
                          {"done": int(rec.done), "day": when.isoformat() if rec.done else None})
        return ProfileItem(rec.item, PROFILE_ITEM_LABELS[rec.item], rec.done,
                           when if rec.done else None)

    def set_profile(self, done: dict[str, bool], day: date | None = None,
                    surface: str | None = None) -> list[ProfileItem]:
        """Tick and untick several items as ONE change (the checklist form's Save, `profile
        ITEM... --done`): `u` takes them all back. Every item given is written (the form gives
        only those the user moved); none given, nothing recorded."""
        with self.one_change("profile", surface, {"items": dict(done)}):
            return [self.set_profile_item(key, value, day, surface)
                    for key, value in done.items()]
