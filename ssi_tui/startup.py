"""The cyclic garbage collector waits while the app starts.

Start-up allocates some 80,000 objects that live as long as the app: Textual's and our modules,
the stylesheet, the dashboard's widgets. With the collector on, they are walked again and again
(by the collections the imports trigger, the full ones after, and once more at exit) to find
almost nothing. So the entry point pauses the collector, and once the first frame is drawn (at
once, for a command that opens no app) `resume` moves everything alive into the permanent
generation with `gc.freeze`, which later collections skip, and turns the collector back on.
benchmarks/run.py measures the app with and without the pause. The price: what was already
garbage at that moment (about 4,500 objects, 0.6 MB, measured on the demo journal) stays.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Idempotent: only undoes `pause`, never turns on a collector someone else turned off."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def main() -> None:
    """The `ssi-tui` command: the collector paused, then the command line."""
    pause()
    try:
        from ssi_tui.cli import main as cli_main

        cli_main()
    finally:
        resume()
