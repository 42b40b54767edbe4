"""The key map: one key logs one habit. Shared by the app's bindings, the help screen and the
command palette, so they cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LogKey:
    key: str
    kind: str
    degree: int | None
    label: str
    short: str = ""
    """Footer text (the help screen uses `label`)."""

    @property
    def binding_id(self) -> str:
        return f"log.{self.kind}" + (f".{self.degree}" if self.degree else "")


LOG_KEYS: tuple[LogKey, ...] = (
    LogKey("l", "login", None, "login", "Login"),
    LogKey("s", "search", None, "search", "Search"),
    LogKey("v", "profile_view", 2, "2nd-degree profile view", "View2"),
    LogKey("V", "profile_view", 3, "3rd-degree profile view", "View3"),
    LogKey("y", "viewed_by", None, "someone viewed your profile"),
    LogKey("k", "like", None, "like", "Like"),
    LogKey("c", "comment", None, "comment", "Comment"),
    LogKey("h", "share", None, "share (repost)"),
    LogKey("P", "post", None, "post published"),
    LogKey("a", "article", None, "article published"),
    LogKey("e", "engagement_received", None, "engagement received on your post"),
    LogKey("g", "group_join", None, "group joined"),
    LogKey("m", "inmail_sent", None, "InMail sent"),
    LogKey("M", "inmail_reply", None, "InMail reply received"),
    LogKey("n", "endorsement", None, "endorsement received"),
    LogKey("f", "follower", None, "follower gained"),
    LogKey("C", "colleague_connection", None, "colleague connection"),
)

FORM_KEYS: tuple[tuple[str, str, str], ...] = (
    ("i", "invitation", "record an invitation sent"),
    ("o", "outcome", "record what became of an invitation"),
    ("r", "reading", "copy an official SSI reading"),
    ("w", "weekly", "weekly indicators"),
    ("p", "profile", "profile checklist"),
)

SCREEN_KEYS: tuple[tuple[str, str, str], ...] = (
    ("D", "dashboard", "Dashboard"),
    ("J", "journal", "Journal"),
    ("T", "trends", "Trends"),
    ("S", "invitations", "Study"),
    ("question_mark", "help", "Help"),
)
