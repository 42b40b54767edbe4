"""The Textual app. Screens render view models and dispatch to the journal; no SQL here."""
