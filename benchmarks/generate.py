"""Deterministic journals for the benchmarks, built through the project's own CSV import path.

A heavy user logs ~50 entries a day; to reach a million events within LinkedIn's lifetime the
generator packs ~150 entries a day over ~18 years, which only makes each day's windows heavier.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

from ssi_tui.domain import Kind

KINDS = [k.value for k in Kind]
WEIGHTS = [3 if k in ("login",) else 10 if k in ("search", "profile_view", "like") else 2
           for k in KINDS]


def write_events_csv(path: Path, n: int, last_day: date, per_day: int = 150,
                     seed: int = 1) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["day", "kind", "count", "degree", "contact", "note"])
        kinds = rng.choices(KINDS, WEIGHTS, k=n)
        for i, kind in enumerate(kinds):
            day = last_day - timedelta(days=i // per_day)
            degree = (3 if rng.random() < 0.3 else 2) if kind == "profile_view" else ""
            contact = f"Contact {rng.randrange(5000)}" if kind == "comment" else ""
            writer.writerow([day.isoformat(), kind, 1 if kind == "login" else rng.randint(1, 5),
                             degree, contact, ""])


def write_invitations_csv(path: Path, n: int, last_day: date, seed: int = 2) -> None:
    rng = random.Random(seed)
    header = ["sent_day", "degree", "personalized", "variant", "contact", "note",
              "accepted_day", "exchange_day", "call_day", "meeting_day", "contract_day"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(n):
            sent = last_day - timedelta(days=i // 5)
            personalized = rng.random() < 0.5
            accepted = sent + timedelta(days=3) if rng.random() < 0.65 and i > 50 else None
            exchange = accepted + timedelta(days=2) if accepted and rng.random() < 0.3 else None
            writer.writerow([sent.isoformat(), rng.choice([2, 3]), str(personalized).lower(),
                             "A" if personalized else "", f"Person {i}", "",
                             accepted.isoformat() if accepted else "",
                             exchange.isoformat() if exchange else "", "", "", ""])


def write_readings_csv(path: Path, weeks: int, last_day: date, seed: int = 3) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["day", "brand", "people", "insights", "relationships"])
        for w in range(weeks):
            day = last_day - timedelta(days=7 * w)
            writer.writerow([day.isoformat(), *(round(rng.uniform(10, 22), 2) for _ in range(4))])
