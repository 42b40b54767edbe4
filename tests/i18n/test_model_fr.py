"""The scoring model and the view models in French: to-dos, warnings, reach advice, the terms
that explain a pillar, the invitation study's verdict and table, and the scoring config's
validation message. English stays as it was, and JSON stays English."""

from __future__ import annotations

from datetime import date, timedelta

from ssi_tui.domain import PROFILE_ITEMS, History, Indicators, Invitation, ProfileItem
from ssi_tui.i18n import using
from ssi_tui.labels import ARM_LABELS, PROFILE_ITEM_LABELS
from ssi_tui.model import ScoringSettings, estimate, invitation_study, reach_band, todos, warnings
from ssi_tui.model.terms import TERM_DEFS
from ssi_tui.views import build_status, study_lines, verdict_text

DAY = date(2026, 11, 23)


def plain_spaces(text: str) -> str:
    """Babel writes French thousands and percents with narrow no-break spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def ago(n: int) -> date:
    return DAY - timedelta(days=n)


def beginner(stale: int = 1, views_90d: int = 1) -> History:
    """A persona who has done three profile items, searched twice today and has `stale`
    invitations still unanswered after a month."""
    profile = [ProfileItem(key, PROFILE_ITEM_LABELS.english(key), i < 3,
                           ago(100) if i < 3 else None)
               for i, key in enumerate(PROFILE_ITEMS)]
    invitations = [Invitation(n, ago(30), 2, n % 2 == 0) for n in range(stale)]
    return History(counts={DAY: {"search": 2}}, profile=profile, invitations=invitations,
                   indicators=[Indicators(DAY, profile_views_90d=views_90d,
                                          search_appearances_7d=42, connections=29_500)])


def article_2() -> list[Invitation]:
    """Article 2's test: 100 personalised accepted at 62%, 100 plain at 72%."""
    sent = ago(60)
    invitations = []
    for n in range(100):
        invitations.append(Invitation(n, sent, 2, True,
                                      accepted_day=sent + timedelta(days=2) if n < 62 else None,
                                      exchange_day=sent + timedelta(days=5) if n < 30 else None))
        invitations.append(Invitation(1000 + n, sent, 3, False,
                                      accepted_day=sent + timedelta(days=2) if n < 72 else None))
    return invitations


def test_todos_of_a_beginner_in_french(french: None) -> None:
    history = beginner()
    items = {t.key: t for t in todos(DAY, history, estimate(DAY, history))}
    assert items["login"].title == "Connexion à LinkedIn"
    assert (items["searches"].title, items["searches"].progress) == ("Recherches", 2)
    assert items["views_3rd"].title == "Vues de profil (3e degré)"
    assert items["invitations_3rd"].title == "Invitations (3e degré)"
    assert items["reading"].title == "Hebdo : noter le relevé SSI"
    # below the brand gate: the next profile items, in French, with the reason
    gated = [t for key, t in items.items() if key.startswith("profile:")]
    # in French although the journal keeps the items' English labels
    assert [t.title for t in gated] == [PROFILE_ITEM_LABELS["about"],
                                        PROFILE_ITEM_LABELS["about_media"]]
    assert gated[0].title != "About section"
    assert gated[0].reason == ("Marque sous 20 : finissez votre profil avant de publier et "
                               "d'interagir (article 1)")
    # the dashboard's left column is 40 wide: "○ " + title + " 10/10" must fit
    assert all(len(t.title) <= 32 for key, t in items.items() if not key.startswith("profile:"))


def test_weekly_post_todo_in_french_once_the_brand_is_high(french: None) -> None:
    history = beginner()
    items = {t.key: t for t in todos(DAY, history, estimate(DAY, history),
                                     ScoringSettings(brand_gate=0))}
    assert items["post"].title == "Hebdo : faire une publication"
    assert items["comments"].title == "Commenter des publications"


def test_warnings_in_french_with_plurals_and_french_numbers(french: None) -> None:
    history = beginner(stale=1, views_90d=1)
    out = [plain_spaces(w) for w in warnings(DAY, history, estimate(DAY, history))]
    assert out[0].startswith("Marque à 8 (estimation du modèle), sous 20 : pas encore de "
                             "publications. Finissez votre profil")
    assert "1 vue du profil en 90 jours : en dessous de 600" in out[1]
    assert out[2].startswith("42 apparitions en recherche la semaine dernière")
    assert out[3] == "29 500 relations : LinkedIn plafonne un réseau à 30 000 contacts (article 2)."
    assert out[4] == ("1 invitation en attente depuis plus de 21 jours : pensez à la retirer.")
    more = beginner(stale=3, views_90d=420)
    out = [plain_spaces(w) for w in warnings(DAY, more, estimate(DAY, more))]
    assert "420 vues du profil en 90 jours" in out[1]
    assert out[4] == ("3 invitations en attente depuis plus de 21 jours : pensez à les retirer.")


def test_reach_band_and_advice_in_french(french: None) -> None:
    low = reach_band(30)
    assert (low.band, low.reach) == ("< 45", "moins de 75 (aucun chiffre donné)")
    middle = reach_band(50)
    assert plain_spaces(middle.advice) == ("Portée de vos publications : 75 % de la moyenne. "
                                           "Visez plus de 75 pour 125 %.")
    assert "au regard des bénéfices escomptés (article 1)" in reach_band(92).advice


def test_every_term_explains_itself_in_french(french: None) -> None:
    english = {d.key: d.name for d in TERM_DEFS}
    terms = [t for p in estimate(DAY, History()).pillars.values() for t in p.terms]
    assert len(terms) == len(TERM_DEFS)
    for term in terms:
        assert term.name and term.name != english[term.key], term.key
        assert term.source.startswith("Article 1, « "), term.source
        assert " and " not in term.source and "cap" not in term.source
    names = {t.key: t.name for t in terms}
    # the articles' own words
    assert names["endorsements"] == "Recommandations de compétences reçues"
    assert names["inmail_rate"] == "Taux de réponse à vos InMail"
    assert names["followers"] == "Abonnés gagnés"


def test_study_verdict_and_table_in_french(french: None) -> None:
    study = invitation_study([*article_2(), Invitation(9000, ago(3), 2, True)], DAY)
    verdict = plain_spaces(verdict_text(study))
    assert verdict.startswith("Les invitations sans message ont été plus acceptées (72 % contre "
                              "62 %, p = 0,13, test z), écart non significatif au seuil de 5 % : "
                              "continuez à tester. ")
    assert "p < 0,001" in verdict and "écart significatif au seuil de 5 %." in verdict
    lines = [plain_spaces(line) for line in study_lines(study)]
    assert lines[0].split() == ["envoyées", "jugées", "acceptées", "taux", "IC", "95", "%",
                                "échange", "appel", "rendez-vous", "contrat"]
    assert lines[1].startswith("personnalisées") and lines[2].startswith("sans message")
    assert "En attente (moins de 21 jours, non jugées) : 1 personnalisée" in lines
    assert lines[-1] == ("Environ 346 invitations jugées par groupe permettraient de détecter "
                         "l'écart d'acceptation observé (seuil de 5 %, puissance de 80 %).")
    assert ARM_LABELS["plain"] == "Sans message"


def test_too_little_to_judge_in_french(french: None) -> None:
    assert verdict_text(invitation_study([], DAY, pending_days=1)).startswith(
        "Aucune invitation assez ancienne pour être jugée (1 jour) :")
    one_arm = invitation_study([Invitation(1, ago(40), 2, True)], DAY)
    assert verdict_text(one_arm) == ("Aucune invitation sans message assez ancienne pour être "
                                     "jugée : envoyez des deux types pour comparer.")


def test_status_of_a_real_journal_in_french_and_json_in_english(journal, french: None) -> None:
    day = journal.today()
    journal.log_event(kind="search", count=2, day=day)
    for n in range(3):
        journal.add_invitation(personalized=n == 0, sent_day=day - timedelta(days=30))
    status = build_status(journal)
    titles = {t.key: t.title for t in status.todos}
    assert titles["searches"] == "Recherches" and titles["login"] == "Connexion à LinkedIn"
    assert any(w.startswith("3 invitations en attente") for w in status.warnings)
    with using("en"):
        data = build_status(journal).as_json()
    assert {t["title"] for t in data["todos"]} >= {"Searches", "Log in to LinkedIn"}
    assert any(w.startswith("3 invitations pending") for w in data["warnings"])


def test_english_is_unchanged_after_french() -> None:
    history = beginner(stale=3, views_90d=420)
    with using("fr"):
        assert todos(DAY, history, estimate(DAY, history))[0].title != "Log in to LinkedIn"
    items = {t.key: t.title for t in todos(DAY, history, estimate(DAY, history))}
    assert (items["login"], items["searches"]) == ("Log in to LinkedIn", "Searches")
    assert warnings(DAY, history, estimate(DAY, history)) == [
        "Brand at 8 (model estimate), below 20: no posts yet. Finish your profile (media in the "
        "About section and in each experience), ask for skill endorsements, write an article "
        "(article 1).",
        "420 profile views in 90 days: below 600, little happens (article 1).",
        "42 search appearances last week: below 100–150: work on your profile (article 1).",
        "29,500 connections: LinkedIn caps a network at 30,000 (article 2).",
        "3 invitations pending for more than 21 days: consider withdrawing them.",
    ]
    assert reach_band(50).band == "45–60" and reach_band(30).band == "below 45"
    assert verdict_text(invitation_study(article_2(), DAY)).startswith(
        "Plain invitations were accepted more (72% vs 62%, p = 0.13, z-test), not significant at "
        "5%")
    terms = [t for p in estimate(DAY, History()).pillars.values() for t in p.terms]
    assert terms[0].name == "Profile checklist complete"
    assert terms[0].source == "Article 1, 'Construire votre marque personnelle'"
