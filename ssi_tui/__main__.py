"""`python -m ssi_tui` does what the `ssi-tui` command does."""

from ssi_tui.startup import main

main()
