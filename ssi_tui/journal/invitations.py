"""Invitations (the `invitations` table): record, read, outcome, edit, delete."""

from __future__ import annotations

from datetime import date
from typing import Any

from ssi_tui.domain import STAGES, Invitation
from ssi_tui.i18n import _
from ssi_tui.i18n import day as day_text
from ssi_tui.journal.base import JournalBase
from ssi_tui.journal.days import format_at, utc_now
from ssi_tui.journal.errors import InputError
from ssi_tui.journal.rows import INVITATION_COLUMNS, invitation_from_row

STAGE_COLUMNS = tuple(f"{stage}_day" for stage in STAGES)


class Invitations(JournalBase):
    def add_invitation(self, surface: str | None = None, **fields: Any) -> Invitation:
        from ssi_tui.journal import records as r

        rec = r.validate(r.InvitationIn, fields)
        day = self._check_day(rec.sent_day)
        with self._change("invite", surface, {"personalized": rec.personalized,
                                              "contact": rec.contact,
                                              "day": day.isoformat()}) as change:
            new_id = change.insert("invitations", {
                "at": format_at(utc_now()), "sent_day": day.isoformat(), "degree": rec.degree,
                "personalized": int(rec.personalized), "variant": rec.variant,
                "contact": rec.contact, "note": rec.note})
            change.details["id"] = new_id
        inv = self.invitation(new_id)
        assert inv is not None
        return inv

    def invitation(self, invitation_id: int) -> Invitation | None:
        row = self.conn.execute(
            f"SELECT {INVITATION_COLUMNS} FROM invitations WHERE id = ?", [invitation_id]
        ).fetchone()
        return invitation_from_row(row) if row else None

    def invitations(self, since: date | None = None) -> list[Invitation]:
        """Invitations sent on or after `since` (all when None), oldest first."""
        rows = self.conn.execute(
            f"SELECT {INVITATION_COLUMNS} FROM invitations WHERE sent_day >= ?"
            " ORDER BY sent_day, id",
            [(since or date.min).isoformat()],
        )
        return [invitation_from_row(row) for row in rows]

    def latest_invitations(self, limit: int = 200, offset: int = 0) -> list[Invitation]:
        """Invitations newest first, a page at a time (the Journal screen)."""
        rows = self.conn.execute(
            f"SELECT {INVITATION_COLUMNS} FROM invitations ORDER BY sent_day DESC, id DESC"
            " LIMIT ? OFFSET ?", [limit, offset])
        return [invitation_from_row(row) for row in rows]

    def pending_invitations(self) -> list[Invitation]:
        rows = self.conn.execute(
            f"SELECT {INVITATION_COLUMNS} FROM invitations WHERE accepted_day IS NULL"
            " ORDER BY sent_day DESC, id DESC"
        )
        return [invitation_from_row(row) for row in rows]

    def _existing_invitation(self, invitation_id: int) -> Invitation:
        inv = self.invitation(invitation_id)
        if inv is None:
            raise InputError("id", _("no invitation #{id}").format(id=invitation_id))
        return inv

    def set_outcome(self, invitation_id: int, stage: str, day: date | None = None,
                    surface: str | None = None) -> Invitation:
        """Record that an invitation reached `stage`; earlier stages not yet set get that day."""
        from ssi_tui.journal import records as r

        rec = r.validate(r.OutcomeIn, {"stage": stage, "day": day})
        inv = self._existing_invitation(invitation_id)
        when = self._check_day(rec.day)
        if when < inv.sent_day:
            raise InputError("day", _("{day} is before the invitation was sent ({sent})").format(
                day=day_text(when), sent=day_text(inv.sent_day)))
        updates = {}
        for name in STAGES[: STAGES.index(rec.stage) + 1]:
            if inv.stage_day(name) is None or name == rec.stage:
                updates[f"{name}_day"] = when.isoformat()
        with self._change("outcome", surface, {"id": invitation_id, "stage": rec.stage,
                                               "day": when.isoformat()}) as change:
            change.update("invitations", invitation_id, updates)
        return self._existing_invitation(invitation_id)

    def update_invitation(self, invitation_id: int, surface: str | None = None,
                          **fields: Any) -> Invitation:
        """Change some fields of an invitation (its stage days too), validated."""
        from ssi_tui.journal import records as r

        inv = self._existing_invitation(invitation_id)
        stages = {name: fields.pop(name) for name in list(fields) if name in STAGE_COLUMNS}
        merged = {"personalized": inv.personalized, "degree": inv.degree, "variant": inv.variant,
                  "contact": inv.contact, "note": inv.note, "sent_day": inv.sent_day} | fields
        rec = r.validate(r.InvitationIn, merged)
        sent = self._check_day(rec.sent_day)
        days: dict[str, str | None] = {}
        for name in STAGE_COLUMNS:
            value = stages[name] if name in stages else getattr(inv, name)
            if value in (None, ""):
                days[name] = None
                continue
            out = r.validate(r.OutcomeIn, {"stage": "accepted", "day": value})
            assert out.day is not None
            when = self._check_day(out.day)
            if when < sent:
                raise InputError(name, _("{day} is before the invitation was sent ({sent})")
                                 .format(day=day_text(when), sent=day_text(sent)))
            days[name] = when.isoformat()
        with self._change("edit", surface or "edit",
                          {"table": "invitations", "key": invitation_id,
                           "fields": sorted([*fields, *stages])}) as change:
            change.update("invitations", invitation_id, {
                "sent_day": sent.isoformat(), "degree": rec.degree,
                "personalized": int(rec.personalized), "variant": rec.variant,
                "contact": rec.contact, "note": rec.note, **days})
        return self._existing_invitation(invitation_id)

    def delete_invitation(self, invitation_id: int, surface: str | None = None) -> Invitation:
        inv = self._existing_invitation(invitation_id)
        with self._change("delete", surface or "delete",
                          {"table": "invitations", "key": invitation_id}) as change:
            change.delete("invitations", invitation_id)
        return inv
