"""The model's codes in words: to-do titles and reasons, warnings, reach bands and advice, term
names and sources. The one home of these English msgids, for the command line, the dashboard
and the JSON reports.

The model returns codes and figures (`Todo.key`, `Alert.code`, `Reach`, `Term.source`); each
function here words one of them in the interface language, or in the language of `words` when
given (`translator("en")` for what other programs read), without switching the interface
language.
"""

from __future__ import annotations

from ssi_tui.i18n import N_, Translator, current
from ssi_tui.labels import PROFILE_ITEM_LABELS
from ssi_tui.model.reach import NOT_WORTH_IT, TARGET, Reach
from ssi_tui.model.todos import Todo
from ssi_tui.model.warnings import Alert

TODO_TITLES: dict[str, str] = {
    "login": N_("Log in to LinkedIn"),
    "searches": N_("Searches"),
    "views_2nd": N_("Profile views (2nd degree)"),
    "views_3rd": N_("Profile views (3rd degree)"),
    "viewers": N_("Look at who viewed your profile"),
    "likes": N_("Like posts"),
    "comments": N_("Comment on posts"),
    "invitations_2nd": N_("Invitations (2nd degree)"),
    "invitations_3rd": N_("Invitations (3rd degree)"),
    "shares": N_("Weekly: reshare posts"),
    "article": N_("Weekly: write an article"),
    "post": N_("Weekly: publish a post"),
    "groups": N_("Weekly: join a group"),
    "colleagues": N_("Weekly: connect with a colleague"),
    "inmail": N_("Weekly: send an InMail"),
    "reading": N_("Weekly: copy the SSI reading"),
    "indicators": N_("Weekly: profile indicators"),
}
"""Every to-do key but the profile items ("profile:about"), which read as their checklist
label."""

TERM_NAMES: dict[str, str] = {
    "profile": N_("Profile checklist complete"),
    "endorsements": N_("Skill endorsements received"),
    "publishing": N_("Posts and articles published"),
    "followers": N_("Followers gained"),
    "login_days": N_("Days logged in"),
    "searches": N_("Searches"),
    "views_2nd": N_("Profiles viewed (2nd degree)"),
    "views_3rd": N_("Profiles viewed (3rd degree)"),
    "viewed_by": N_("Views of your profile"),
    "likes": N_("Likes given"),
    "comments": N_("Comments written"),
    "shares": N_("Posts reshared"),
    "engagement_received": N_("Engagement on your posts"),
    "groups": N_("Groups joined"),
    "inmail_rate": N_("InMail response rate"),
    "invitations_2nd": N_("Invitations sent (2nd degree)"),
    "invitations_3rd": N_("Invitations sent (3rd degree)"),
    "acceptance_rate": N_("Invitation acceptance rate"),
    "colleagues": N_("Colleagues connected"),
    "network_size": N_("Network size (connections)"),
}

# Where each term comes from, quoting the articles' (French) section titles; the French
# catalogue puts them in French quotation marks.
TERM_SOURCES: dict[str, str] = {
    "brand": N_("Article 1, 'Construire votre marque personnelle'"),
    "people": N_("Article 1, 'Trouver les bonnes personnes'"),
    "insights": N_("Article 1, 'Echanger des informations'"),
    "relationships": N_("Article 1, 'Etablir des relations'"),
    "audience": N_("Article 1, 'Trouver les bonnes personnes' and 'L'audience de votre profil "
                   "LinkedIn'"),
    "network": N_("Article 1, 'Etablir des relations' ('développer votre Réseau'); Article 2 "
                  "for the 30,000 cap"),
}


def todo_title(todo: Todo, words: Translator | None = None) -> str:
    """"Searches", "Weekly: publish a post", or a profile item's label."""
    w = words or current()
    item = todo.key.removeprefix("profile:")
    if item != todo.key:
        return PROFILE_ITEM_LABELS.words(item, w) if item in PROFILE_ITEM_LABELS else item
    return w.gettext(TODO_TITLES[todo.key])


def todo_reason(todo: Todo, words: Translator | None = None) -> str | None:
    """Why this to-do stands where the usual one would (the brand gate), or None."""
    if todo.reason != "brand_gate" or todo.gate is None:
        return None
    w = words or current()
    return w.gettext("Brand below {gate}: finish your profile before posting and engaging "
                     "(article 1)").format(gate=w.short_number(todo.gate))


def term_name(key: str, words: Translator | None = None) -> str:
    """A term of the estimate by name: "Comments written"."""
    return (words or current()).gettext(TERM_NAMES[key])


def term_source(code: str, words: Translator | None = None) -> str:
    """Where a term comes from: "Article 1, 'Trouver les bonnes personnes'"."""
    return (words or current()).gettext(TERM_SOURCES[code])


def _brand_source(source: str | None, w: Translator) -> str:
    if source == "reading":
        return w.gettext("official reading")
    if source == "calibrated":
        return w.gettext("calibrated estimate")
    return w.gettext("model estimate")


def warning_text(alert: Alert, words: Translator | None = None) -> str:
    """One warning as a sentence that names its source (an article, or LinkedIn's users)."""
    w = words or current()
    n = int(alert.value)
    if alert.code in ("brand_gate", "brand_gate_profile_done"):
        figures = {"brand": w.short_number(alert.value), "source": _brand_source(alert.source, w),
                   "gate": w.short_number(alert.limit or 0)}
        if alert.code == "brand_gate":
            return w.gettext("Brand at {brand} ({source}), below {gate}: no posts yet. Finish "
                             "your profile (media in the About section and in each experience), "
                             "ask for skill endorsements, write an article (article 1)."
                             ).format(**figures)
        return w.gettext("Brand at {brand} ({source}), below {gate}: no posts yet. Profile "
                         "complete: ask for skill endorsements and write an article "
                         "(article 1).").format(**figures)
    if alert.code == "few_profile_views":
        return w.ngettext(
            "{n} profile view in 90 days: below {floor}, little happens (article 1).",
            "{n} profile views in 90 days: below {floor}, little happens (article 1).",
            n).format(n=w.integer(n), floor=w.integer(int(alert.limit or 0)))
    if alert.code == "few_search_appearances":
        return w.ngettext(
            "{n} search appearance last week: below 100–150: work on your profile (article 1).",
            "{n} search appearances last week: below 100–150: work on your profile (article 1).",
            n).format(n=w.integer(n))
    if alert.code == "network_near_cap":
        return w.gettext("{n} connections: LinkedIn caps a network at {cap} (article 2).").format(
            n=w.thousands(n), cap=w.thousands(int(alert.limit or 0)))
    if alert.code == "many_invitations":
        return w.gettext("{n} invitations in 7 days: LinkedIn users report a limit of about 100 "
                         "a week (not from the articles).").format(n=w.integer(n))
    if alert.code == "stale_invitations":
        return w.ngettext(
            "{n} invitation pending for more than {days} days: consider withdrawing it.",
            "{n} invitations pending for more than {days} days: consider withdrawing them.",
            n).format(n=w.integer(n), days=w.integer(int(alert.limit or 0)))
    raise ValueError(f"no words for warning {alert.code!r}")


def reach_name(reach: Reach, words: Translator | None = None) -> str:
    """The band as the dashboard names it: "below 45", "45–60", "90+"."""
    w = words or current()
    if reach.high is None:
        return f"{w.number(reach.low, 0)}+"
    if reach.multiplier is None:
        return w.gettext("below {high}").format(high=w.number(reach.high, 0))
    return f"{w.number(reach.low, 0)}–{w.number(reach.high, 0)}"


def reach_figure(reach: Reach, words: Translator | None = None) -> str:
    """The reach as the article states it (100 = average)."""
    w = words or current()
    if reach.multiplier is None:
        return w.gettext("below 75 (no figure given)")
    return w.number(reach.multiplier * 100, 0)


def reach_advice(reach: Reach, words: Translator | None = None) -> str:
    """What the band means for your posts, and whether to push further (article 1)."""
    w = words or current()
    if reach.low >= NOT_WORTH_IT:
        return w.gettext("Posts reach 150% of average. Above 90, more effort is not worth the "
                         "time it costs (article 1): keep the habits, no more.")
    if reach.low >= TARGET:
        return w.gettext("Posts reach 125% of average. Keep it above 75; no need to push past "
                         "90.")
    if reach.multiplier is None:
        return w.gettext("Posts reach below 75% of average (the article gives no figure). "
                         "Aim above 75 for 125%.")
    return w.gettext("Posts reach {reach} of average. Aim above 75 for 125%.").format(
        reach=w.percent(reach.multiplier))
