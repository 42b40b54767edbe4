"""The key map: one key logs one habit. Shared by the app's bindings, the help screen and the
command palette, so they cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from ssi_tui.i18n import N_


@dataclass(frozen=True, slots=True)
class LogKey:
    key: str
    kind: str
    degree: int | None
    label: str
    short: str
    """Footer and palette text (the help screen uses `label`). Both are English msgids: show them
    with `_`."""

    @property
    def binding_id(self) -> str:
        return f"log.{self.kind}" + (f".{self.degree}" if self.degree else "")


LOG_KEYS: tuple[LogKey, ...] = (
    LogKey("l", "login", None, N_("login"), N_("Login")),
    LogKey("s", "search", None, N_("search"), N_("Search")),
    LogKey("v", "profile_view", 2, N_("2nd-degree profile view"), N_("View2")),
    LogKey("V", "profile_view", 3, N_("3rd-degree profile view"), N_("View3")),
    LogKey("y", "viewed_by", None, N_("someone viewed your profile"),
           N_("Someone viewed your profile")),
    LogKey("Y", "viewers_checked", None, N_("looked at who viewed your profile"),
           N_("Looked at who viewed you")),
    LogKey("k", "like", None, N_("like"), N_("Like")),
    LogKey("c", "comment", None, N_("comment"), N_("Comment")),
    LogKey("h", "share", None, N_("share (repost)"),
           N_("Share (repost)")),
    LogKey("P", "post", None, N_("post published"),
           N_("Post published")),
    LogKey("a", "article", None, N_("article published"),
           N_("Article published")),
    LogKey("e", "engagement_received", None, N_("engagement received on your post"),
           N_("Engagement received on your post")),
    LogKey("g", "group_join", None, N_("group joined"),
           N_("Group joined")),
    LogKey("m", "inmail_sent", None, N_("InMail sent"),
           N_("InMail sent")),
    LogKey("M", "inmail_reply", None, N_("InMail reply received"),
           N_("InMail reply received")),
    LogKey("n", "endorsement", None, N_("endorsement received"),
           N_("Endorsement received")),
    LogKey("f", "follower", None, N_("follower gained"),
           N_("Follower gained")),
    LogKey("C", "colleague_connection", None, N_("colleague connection"),
           N_("Colleague connection")),
)

FORM_KEYS: tuple[tuple[str, str, str, str], ...] = (
    # key, form, help text, binding title
    ("i", "invitation", N_("record an invitation sent"), N_("Record an invitation sent")),
    ("o", "outcome", N_("record what became of an invitation"),
     N_("Record what became of an invitation")),
    ("r", "reading", N_("copy an official SSI reading"), N_("Copy an official SSI reading")),
    ("w", "weekly", N_("weekly indicators"), N_("Weekly indicators")),
    ("p", "profile", N_("profile checklist"), N_("Profile checklist")),
)

SCREEN_KEYS: tuple[tuple[str, str, str], ...] = (
    ("D", "dashboard", N_("Dashboard")),
    ("J", "journal", N_("Journal")),
    ("T", "trends", N_("Trends")),
    ("S", "invitations", N_("Study")),
    ("question_mark", "help", N_("Help")),
)
"""Key, name and label of every screen: the one list of screens (the app's bindings and
factories, the palette, the help and `--screen` all read it)."""

RECORD_KINDS: tuple[tuple[str, str, str], ...] = (
    ("1", "events", N_("Entries")),
    ("2", "invitations", N_("Invitations")),
    ("3", "readings", N_("Readings")),
    ("4", "indicators", N_("Indicators")),
    ("5", "checklist", N_("Checklist")),
)
"""Key, name and label of each kind of record the Journal screen lists, edits and deletes
(the names are the CLI's table names, and the checklist); its binding id is `journal.NAME`."""

SCREEN_NAMES: tuple[str, ...] = tuple(name for _key, name, _label in SCREEN_KEYS)
