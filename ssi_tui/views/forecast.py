"""The forecast and the plan in words: one wording for the command line and the dashboard (the
model returns dates and figures; this is where they become sentences)."""

from __future__ import annotations

from datetime import date

from ssi_tui.i18n import _, day_month, day_month_year, integer, ngettext, number
from ssi_tui.model.forecast import MIN_PACE_DAYS, Change, Forecast, Plan


def when(day: date, today: date) -> str:
    """A day, with its year only when it is not this year's ("12 Jan 2027", "30 Dec")."""
    return day_month(day) if day.year == today.year else day_month_year(day)


def forecast_text(fc: Forecast, today: date) -> str:
    """"75 around 12 Jan 2027 (10 Jan–20 Jan)", or "75 not at this pace: you level off near 59"."""
    target = number(fc.target, 0)
    if not fc.projected:  # too few days of habits to read a pace from
        sentence = (_("{target} reached; the pace is read after {needed} days of habits "
                      "({days} so far)") if fc.expected_day == today else
                    _("{target}: a forecast after {needed} days of habits ({days} so far)"))
        return sentence.format(target=target, needed=integer(MIN_PACE_DAYS),
                               days=integer(fc.pace_days))
    if fc.expected_day == today and fc.steady_state < fc.target:
        return _("{target} reached, but at this pace you slip to near {level}").format(
            target=target, level=number(fc.steady_state, 0))
    if fc.expected_day == today:
        return _("{target} reached; at this pace you stay near {level}").format(
            target=target, level=number(fc.steady_state, 0))
    if fc.expected_day is None:
        return _("{target} not at this pace: you level off near {level}").format(
            target=target, level=number(fc.steady_state, 0))
    earliest = when(fc.earliest, today) if fc.earliest else "?"
    latest = when(fc.latest, today) if fc.latest else _("later")
    return _("{target} around {day} ({earliest}–{latest})").format(
        target=target, day=when(fc.expected_day, today), earliest=earliest, latest=latest)


def change_text(change: Change) -> str:
    """"+2 comments a day", "+1 group a week"."""
    n = change.count
    daily = change.period_days == 1
    texts = {
        "comment": (ngettext("+{n} comment a day", "+{n} comments a day", n),
                    ngettext("+{n} comment a week", "+{n} comments a week", n)),
        "like": (ngettext("+{n} like a day", "+{n} likes a day", n),
                 ngettext("+{n} like a week", "+{n} likes a week", n)),
        "share": (ngettext("+{n} reshare a day", "+{n} reshares a day", n),
                  ngettext("+{n} reshare a week", "+{n} reshares a week", n)),
        "post": (ngettext("+{n} post a day", "+{n} posts a day", n),
                 ngettext("+{n} post a week", "+{n} posts a week", n)),
        "search": (ngettext("+{n} search a day", "+{n} searches a day", n),
                   ngettext("+{n} search a week", "+{n} searches a week", n)),
        "profile_view_2": (
            ngettext("+{n} 2nd-degree profile view a day", "+{n} 2nd-degree profile views a day",
                     n),
            ngettext("+{n} 2nd-degree profile view a week",
                     "+{n} 2nd-degree profile views a week", n)),
        "profile_view_3": (
            ngettext("+{n} 3rd-degree profile view a day", "+{n} 3rd-degree profile views a day",
                     n),
            ngettext("+{n} 3rd-degree profile view a week",
                     "+{n} 3rd-degree profile views a week", n)),
        "invitation_2": (
            ngettext("+{n} 2nd-degree invitation a day", "+{n} 2nd-degree invitations a day", n),
            ngettext("+{n} 2nd-degree invitation a week", "+{n} 2nd-degree invitations a week",
                     n)),
        "invitation_3": (
            ngettext("+{n} 3rd-degree invitation a day", "+{n} 3rd-degree invitations a day", n),
            ngettext("+{n} 3rd-degree invitation a week", "+{n} 3rd-degree invitations a week",
                     n)),
        "group_join": (ngettext("+{n} group a day", "+{n} groups a day", n),
                       ngettext("+{n} group a week", "+{n} groups a week", n)),
        "colleague_connection": (
            ngettext("+{n} colleague a day", "+{n} colleagues a day", n),
            ngettext("+{n} colleague a week", "+{n} colleagues a week", n)),
    }
    day_text, week_text = texts[change.habit]
    return (day_text if daily else week_text).format(n=integer(n))


def plan_text(plan: Plan, today: date) -> str:
    """"To reach 75 by ~29 Dec: +1 comment a day, +1 group a week"."""
    changes = ", ".join(change_text(c) for c in plan.changes)
    if plan.keep:
        return _("To stay above {target}: {changes}").format(target=number(plan.target, 0),
                                                             changes=changes)
    if plan.expected_day is None:
        return _("To reach {target}: {changes}").format(target=number(plan.target, 0),
                                                        changes=changes)
    return _("To reach {target} by ~{day}: {changes}").format(
        target=number(plan.target, 0), day=when(plan.expected_day, today), changes=changes)
