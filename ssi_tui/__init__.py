"""ssi-tui: a private terminal cockpit for your LinkedIn Social Selling Index."""

__version__ = "0.1.0"
