"""Nothing in an archive, however broken, ends in a traceback: a file is imported, skipped
with a reason, or reported as unreadable, and the others still go in."""

from __future__ import annotations

import string
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_tui.journal import Journal
from ssi_tui.journal.linkedin import import_archive, plan_lines, scan_archive
from ssi_tui.journal.linkedin.mapping import SPECS

FILES = [spec.name for spec, _ in SPECS]
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
GOOD = "Date,Type,Link\n2024-03-17 18:03:38,LIKE,https://www.linkedin.com/feed/update/1\n"


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def _check(journal: Journal, path: Path, name: str) -> None:
    plan = scan_archive(path, journal)
    summary = import_archive(journal, path)
    for report in (plan.file(name), summary.file(name)):
        assert report.status in ("ok", "failed", "unknown header")
        if report.status == "unknown header":
            assert report.error and report.error.startswith("unknown header: expected ")
    assert all(isinstance(line, str) for line in plan_lines(summary))
    if name != "Reactions.csv":
        assert summary.file("Reactions.csv").status == "ok"


@FUZZ
@given(name=st.sampled_from(FILES), data=st.binary(max_size=2_000))
def test_random_bytes_as_a_csv(journal: Journal, tmp_path: Path, name: str, data: bytes) -> None:
    path = _zip(tmp_path / "random.zip", {name: data, "Reactions.csv": GOOD.encode()}
                if name != "Reactions.csv" else {name: data})
    _check(journal, path, name)


CELL = st.text(alphabet=string.printable + "éü—\u2028\ufeff\x00", max_size=30)


@FUZZ
@given(name=st.sampled_from(FILES),
       rows=st.lists(st.lists(CELL, min_size=0, max_size=9), max_size=30),
       header_first=st.booleans())
def test_random_rows_under_a_real_header(journal: Journal, tmp_path: Path, name: str,
                                         rows: list[list[str]], header_first: bool) -> None:
    spec = next(spec for spec, _ in SPECS if spec.name == name)
    header = ",".join((*spec.required, *spec.optional))
    body = "\n".join(",".join(f'"{c}"' if i % 2 else c for i, c in enumerate(row))
                     for row in rows)
    text = f"{header}\n{body}" if header_first else f"{body}\n{header}\n{body}"
    files = {name: text.encode("utf-8", "surrogatepass")}
    if name != "Reactions.csv":
        files["Reactions.csv"] = GOOD.encode()
    _check(journal, _zip(tmp_path / "rows.zip", files), name)


@pytest.mark.parametrize("data", [
    b"", b"\n\n\n", b"\xef\xbb\xbf", b"Notes:\n" * 100, b'"' * 5000, b"a,b\x00c\n",
    b"Date,Type,Link\n" + b"x" * 200_000 + b"\n", b"\xff" * 10,
])
def test_awkward_files(journal: Journal, tmp_path: Path, data: bytes) -> None:
    _check(journal, _zip(tmp_path / "odd.zip", {"Comments.csv": data,
                                                  "Reactions.csv": GOOD.encode()}), "Comments.csv")
