"""The team view: reps share a minimal summary of their journal to a folder or to PostgreSQL,
and a manager (or each rep, for the team's aggregates) reads them back.

- `share`: what a rep sends (built from the journal; never contacts, notes, URLs or messages);
- `folder`, `postgres`: the two targets, one share format;
- `pooled`, `board`: pure functions (no SQL, no files, no Textual) turning what was read into
  the leaderboard, the pillar heat table, the team trend and the pooled invitation study.
See docs/team.md.
"""
