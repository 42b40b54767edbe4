"""`ssi-tui reading --paste FILE` (or `-` for standard input): the page's text read, checked,
shown, then saved; a page that fails its check exits 2 with the reason and writes nothing."""

from __future__ import annotations

import os
from pathlib import Path

from cli_runner import run

from ssi_tui.config import Settings
from ssi_tui.journal import open_journal

PAGE = (
    "Votre Social Selling Index\r\n42\u00a0sur\u00a0100\r\n"
    "Top\r\nClassement SSI du secteur\r\n5\r\n%\r\n"
    "Établir votre marque professionnelle\t13,118\r\nTrouver les bonnes personnes\t8,75\r\n"
    "Échanger des informations\t10,2\r\nÉtablir des relations\t9,9\r\n"
    "Les membres de votre réseau ont un SSI moyen de 38.\r\n"
)


def readings(db_path: Path) -> list:
    journal = open_journal(db_path, Settings())
    try:
        return journal.readings()
    finally:
        journal.close()


def test_paste_from_a_file(tmp_path: Path, db_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = run("reading", "--paste", str(page), "--day", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert "Total 41.968/100, the page shows 42: checked" in result.output
    [reading] = readings(db_path)
    assert reading.pillars == {"brand": 13.118, "people": 8.75, "insights": 10.2,
                               "relationships": 9.9}
    assert (reading.industry_rank, reading.network_avg) == (5, 38)


def test_paste_from_standard_input_in_utf16(db_path: Path) -> None:
    result = run("reading", "--paste", "-", input=PAGE.encode("utf-16"))  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    assert [r.total for r in readings(db_path)] == [41.968]


def test_a_failed_check_exits_2_and_writes_nothing(db_path: Path) -> None:
    result = run("reading", "--paste", "-", input=PAGE.replace("42\u00a0sur", "47\u00a0sur"))
    assert result.exit_code == 2
    assert "total: the page shows 47 out of 100 but the four pillars add up to 41.968" \
        in result.output
    assert not db_path.exists() or readings(db_path) == []


def test_pillars_and_paste_together_are_refused(tmp_path: Path) -> None:
    result = run("reading", "1", "2", "3", "4", "--paste", "-", input=PAGE)
    assert result.exit_code == 2
    assert "not both" in result.output


def test_a_missing_pillar_names_it() -> None:
    result = run("reading", "1", "2")
    assert result.exit_code == 2
    assert "insights: required" in result.output


def test_devices_fifos_and_floods_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody writes to it: opening it would block for ever
    for source in ("/dev/zero", str(fifo)):
        result = run("reading", "--paste", source)
        assert result.exit_code == 2
        assert "not a regular file" in result.output
    result = run("reading", "--paste", "-", input="9 " * 200_000)
    assert result.exit_code == 2
    assert "more than 256 KiB" in result.output
