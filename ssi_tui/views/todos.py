"""A to-do's reason in words: the term it feeds, the points one unit adds, the minutes it takes
and the article's sentence (command line and app alike)."""

from __future__ import annotations

from ssi_tui.i18n import _, number
from ssi_tui.model.todos import Todo
from ssi_tui.views.texts import term_name


def todo_why(todo: Todo) -> str:
    """E.g. 'Comments written: +0.29 points each, about 2 min (« en y apportant des
    commentaires »)'."""
    minutes = number(todo.effort_seconds / 60, 1)
    quote = f" (« {todo.quote} »)" if todo.quote else ""
    if todo.term is None:
        return _("outside the model: about {minutes} min{quote}").format(minutes=minutes,
                                                                        quote=quote)
    return _("{term}: +{points} points each, about {minutes} min{quote}").format(
        term=term_name(todo.term), points=number(todo.points, 2), minutes=minutes,
        quote=quote)
