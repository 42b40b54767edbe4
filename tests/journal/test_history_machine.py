"""Issue 14's state machine: two app windows and the command line (three journal handles, each
its own connection to one real SQLite file, each its own window id) interleave writes of every
kind (entries, invitations and outcomes, readings, indicators, checklist ticks, edits, deletes,
CSV imports) with undos and redos. After every step the journal must equal a replay, on an
empty journal model, of the changes that survive (not undone), in the order they were made.

The replay uses this test's own model of what each write does, not the journal's stored
images, so a wrong before-image, a lost row or an undo that takes the wrong change shows up.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from ssi_tui.config import Settings
from ssi_tui.domain import PROFILE_ITEMS
from ssi_tui.journal import InputError, open_journal
from ssi_tui.journal.csvio import import_csv

State = dict[str, dict[Any, Any]]
Effect = Callable[[State], None]
WINDOWS = ("app-1", "app-2", "cli")
KINDS = ("login", "search", "like", "comment", "post")
FIGURES = ("profile_views_90d", "search_appearances_7d", "followers", "connections")
ITEMS = tuple(PROFILE_ITEMS)[:4]


def empty() -> State:
    return {"events": {}, "invitations": {}, "readings": {}, "indicators": {},
            "profile": {item: False for item in PROFILE_ITEMS}}


def snapshot(journal: Any) -> State:
    """The journal as plain data, in the model's shape."""
    state = empty()
    for e in journal.events(limit=10_000):
        state["events"][e.id] = (e.day, e.kind, e.count, e.note)
    for i in journal.invitations():
        state["invitations"][i.id] = (i.sent_day, i.personalized, i.accepted_day, i.call_day)
    for r in journal.readings():
        state["readings"][r.day] = (r.brand, r.people)
    for ind in journal.indicators():
        figures = {name: getattr(ind, name) for name in FIGURES if getattr(ind, name) is not None}
        state["indicators"][ind.day] = figures
    for item in journal.profile():
        state["profile"][item.key] = item.done
    return state


class History(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        path = Path(self.folder.name) / "journal.db"
        config = Settings(timezone="Europe/Paris")
        self.handles = {window: open_journal(path, config, window=window)
                        for window in WINDOWS}
        for handle in self.handles.values():  # durability is not what this test is about
            handle.conn.execute("PRAGMA synchronous = OFF")
        self.today = self.handles["cli"].today()
        self.log: dict[int, tuple[Effect, bool]] = {}
        """change id → (what it did, in this test's own words; whether it stands)."""

    def teardown(self) -> None:
        for handle in self.handles.values():
            handle.close()
        self.folder.cleanup()

    # -- bookkeeping --------------------------------------------------------------------------

    def _last_change(self) -> int:
        changes = self.handles["cli"].changes(limit=1)
        return changes[0].id if changes else 0

    def _did(self, write: Callable[[], Any], effect: Callable[[Any], Effect]) -> None:
        """Run a write; record its change and its effect (or check a refused one left none)."""
        before = self._last_change()
        try:
            result = write()
        except InputError:
            assert self._last_change() == before
            return
        change_id = self._last_change()
        assert change_id > before
        self.log[change_id] = (effect(result), True)

    def _day(self, back: int) -> date:
        return self.today - timedelta(days=back)

    def _ids(self, table: str) -> list[int]:
        return [row[0] for row in self.handles["cli"].conn.execute(
            f"SELECT id FROM {table} ORDER BY id")]

    # -- writes of every kind, from any window ------------------------------------------------

    @rule(window=st.sampled_from(WINDOWS), kind=st.sampled_from(KINDS),
          count=st.integers(1, 5), back=st.integers(0, 3))
    def log_event(self, window: str, kind: str, count: int, back: int) -> None:
        day = self._day(back)
        surface = "key" if window != "cli" else "cli"

        def effect(event: Any) -> Effect:
            return lambda s: s["events"].__setitem__(event.id, (day, kind, count, None))
        self._did(lambda: self.handles[window].log_event(kind=kind, count=count, day=day,
                                                         surface=surface), effect)

    @rule(window=st.sampled_from(WINDOWS), personalized=st.booleans(), back=st.integers(2, 5))
    def invite(self, window: str, personalized: bool, back: int) -> None:
        day = self._day(back)

        def effect(inv: Any) -> Effect:
            return lambda s: s["invitations"].__setitem__(inv.id, (day, personalized, None, None))
        self._did(lambda: self.handles[window].add_invitation(personalized=personalized,
                                                              sent_day=day), effect)

    @precondition(lambda self: self._ids("invitations"))
    @rule(window=st.sampled_from(WINDOWS), pick=st.integers(0, 99),
          stage=st.sampled_from(["accepted", "call"]), back=st.integers(0, 1))
    def outcome(self, window: str, pick: int, stage: str, back: int) -> None:
        ids = self._ids("invitations")
        inv_id, day = ids[pick % len(ids)], self._day(back)

        def effect(_inv: Any) -> Effect:
            def apply(s: State) -> None:
                sent, pers, accepted, call = s["invitations"][inv_id]
                if stage == "accepted":
                    accepted = day
                else:
                    accepted, call = accepted or day, day
                s["invitations"][inv_id] = (sent, pers, accepted, call)
            return apply
        self._did(lambda: self.handles[window].set_outcome(inv_id, stage, day), effect)

    @rule(window=st.sampled_from(WINDOWS), back=st.integers(0, 2),
          brand=st.integers(0, 25), people=st.integers(0, 25))
    def reading(self, window: str, back: int, brand: int, people: int) -> None:
        day = self._day(back)

        def effect(_r: Any) -> Effect:
            return lambda s: s["readings"].__setitem__(day, (brand, people))
        self._did(lambda: self.handles[window].add_reading(
            brand=brand, people=people, insights=1, relationships=1, day=day), effect)

    @rule(window=st.sampled_from(WINDOWS), back=st.integers(0, 2),
          figures=st.dictionaries(st.sampled_from(FIGURES), st.integers(0, 2000), min_size=1))
    def indicators(self, window: str, back: int, figures: dict[str, int]) -> None:
        day = self._day(back)

        def effect(_i: Any) -> Effect:
            return lambda s: s["indicators"].setdefault(day, {}).update(figures)
        self._did(lambda: self.handles[window].set_indicators(**figures, day=day), effect)

    @rule(window=st.sampled_from(WINDOWS), item=st.sampled_from(ITEMS), done=st.booleans())
    def tick(self, window: str, item: str, done: bool) -> None:
        def effect(_p: Any) -> Effect:
            return lambda s: s["profile"].__setitem__(item, done)
        self._did(lambda: self.handles[window].set_profile_item(item, done), effect)

    @rule(window=st.sampled_from(WINDOWS),
          ticks=st.dictionaries(st.sampled_from(ITEMS), st.booleans(), min_size=1))
    def tick_several(self, window: str, ticks: dict[str, bool]) -> None:
        """The checklist form's Save: several items, one change."""
        def effect(_p: Any) -> Effect:
            return lambda s: s["profile"].update(ticks)
        self._did(lambda: self.handles[window].set_profile(ticks), effect)

    @precondition(lambda self: self._ids("events"))
    @rule(window=st.sampled_from(WINDOWS), pick=st.integers(0, 99), count=st.integers(1, 9),
          note=st.sampled_from(["fixed", "=1+1", None]))
    def edit_event(self, window: str, pick: int, count: int, note: str | None) -> None:
        ids = self._ids("events")
        event_id = ids[pick % len(ids)]

        def effect(_e: Any) -> Effect:
            def apply(s: State) -> None:
                day, kind, _count, _note = s["events"][event_id]
                s["events"][event_id] = (day, kind, count, note)
            return apply
        self._did(lambda: self.handles[window].update_event(event_id, count=count, note=note),
                  effect)

    @precondition(lambda self: self._ids("events") or self._ids("invitations"))
    @rule(window=st.sampled_from(WINDOWS), pick=st.integers(0, 99), events=st.booleans())
    def delete(self, window: str, pick: int, events: bool) -> None:
        table = "events" if events and self._ids("events") or not self._ids("invitations") \
            else "invitations"
        ids = self._ids(table)
        key = ids[pick % len(ids)]
        handle = self.handles[window]
        write = handle.delete_event if table == "events" else handle.delete_invitation

        def effect(_r: Any) -> Effect:
            return lambda s: s[table].pop(key)
        self._did(lambda: write(key), effect)

    @rule(rows=st.lists(st.tuples(st.sampled_from(KINDS), st.integers(1, 3),
                                  st.integers(0, 3)), min_size=1, max_size=4))
    def csv_import(self, rows: list[tuple[str, int, int]]) -> None:
        text = "day,kind,count,degree,contact,note\n" + "".join(
            f"{self._day(back).isoformat()},{kind},{count},,,'-guarded\n"
            for kind, count, back in rows)
        handle = self.handles["cli"]
        first_new = max(self._ids("events"), default=0) + 1

        def effect(_report: Any) -> Effect:
            def apply(s: State) -> None:
                for offset, (kind, count, back) in enumerate(rows):
                    s["events"][first_new + offset] = (self._day(back), kind, count, "-guarded")
            return apply
        self._did(lambda: import_csv(handle.conn, io.StringIO(text, newline="")), effect)

    # -- undo and redo ------------------------------------------------------------------------

    @rule(window=st.sampled_from(WINDOWS))
    def undo(self, window: str) -> None:
        before = snapshot(self.handles[window])
        result = self.handles[window].undo()
        if result.ok:
            assert result.change is not None and result.change.window == window
            effect, standing = self.log[result.change.id]
            assert standing
            self.log[result.change.id] = (effect, False)
        else:
            assert result.status in ("nothing", "conflict")
            assert snapshot(self.handles[window]) == before

    @rule(window=st.sampled_from(WINDOWS))
    def redo(self, window: str) -> None:
        before = snapshot(self.handles[window])
        result = self.handles[window].redo()
        if result.ok:
            assert result.change is not None
            effect, standing = self.log[result.change.id]
            assert not standing
            self.log[result.change.id] = (effect, True)
        else:
            assert result.status in ("nothing", "conflict")
            assert snapshot(self.handles[window]) == before

    # -- the invariant ------------------------------------------------------------------------

    @invariant()
    def journal_is_the_replay_of_the_standing_changes(self) -> None:
        replay = empty()
        for change_id in sorted(self.log):
            effect, standing = self.log[change_id]
            if standing:
                effect(replay)
        replay["indicators"] = {d: f for d, f in replay["indicators"].items() if f}
        for handle in self.handles.values():  # every window sees the same journal
            assert snapshot(handle) == replay
        undone = {c.id for c in self.handles["app-1"].changes(limit=10_000) if c.undone}
        assert undone == {cid for cid, (_e, standing) in self.log.items() if not standing}


History.TestCase.settings = settings(
    max_examples=30, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
test_history_state_machine = History.TestCase
