"""The scoring model's codes worded in French (views/texts): to-dos, warnings, reach advice, the
terms that explain a pillar, the invitation study's verdict and table. English stays as it was,
JSON stays English without switching the language, and the model's own output is the same
whatever the language."""

from __future__ import annotations

from datetime import date, timedelta

from ssi_tui.domain import PROFILE_ITEMS, History, Indicators, Invitation, ProfileItem
from ssi_tui.i18n import using
from ssi_tui.labels import ARM_LABELS, PROFILE_ITEM_LABELS
from ssi_tui.model import ScoringSettings, estimate, invitation_study, reach_band, todos, warnings
from ssi_tui.model.terms import TERM_DEFS
from ssi_tui.views import build_status, study_lines, verdict_text
from ssi_tui.views.texts import (
    TERM_NAMES,
    reach_advice,
    reach_figure,
    reach_name,
    term_name,
    term_source,
    todo_reason,
    todo_title,
    warning_text,
)

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
    titles = {key: todo_title(t) for key, t in items.items()}
    assert titles["login"] == "Connexion à LinkedIn"
    assert (titles["searches"], items["searches"].progress) == ("Recherches", 2)
    assert titles["views_3rd"] == "Vues de profil (3e degré)"
    assert titles["invitations_3rd"] == "Invitations (3e degré)"
    assert titles["reading"] == "Hebdo : noter le relevé SSI"
    # below the brand gate: the next profile items, in French, with the reason
    gated = [t for key, t in items.items() if key.startswith("profile:")]
    # in French although the journal keeps the items' English labels
    assert [todo_title(t) for t in gated] == [PROFILE_ITEM_LABELS["about"],
                                              PROFILE_ITEM_LABELS["about_media"]]
    assert todo_title(gated[0]) != "About section"
    assert todo_reason(gated[0]) == ("Marque sous 20 : finissez votre profil avant de publier et "
                                     "d'interagir (article 1)")
    # the dashboard's left column is 40 wide: "○ " + title + " 10/10" must fit
    assert all(len(title) <= 32 for key, title in titles.items() if not key.startswith("profile:"))


def test_weekly_post_todo_in_french_once_the_brand_is_high(french: None) -> None:
    history = beginner()
    items = {t.key: t for t in todos(DAY, history, estimate(DAY, history),
                                     ScoringSettings(brand_gate=0))}
    assert todo_title(items["post"]) == "Hebdo : faire une publication"
    assert todo_title(items["comments"]) == "Commenter des publications"


def test_warnings_in_french_with_plurals_and_french_numbers(french: None) -> None:
    history = beginner(stale=1, views_90d=1)
    out = [plain_spaces(warning_text(w)) for w in warnings(DAY, history, estimate(DAY, history))]
    assert out[0].startswith("Marque à 8 (estimation du modèle), sous 20 : pas encore de "
                             "publications. Finissez votre profil")
    assert "1 vue du profil en 90 jours : en dessous de 600" in out[1]
    assert out[2].startswith("42 apparitions en recherche la semaine dernière")
    assert out[3] == "29 500 relations : LinkedIn plafonne un réseau à 30 000 contacts (article 2)."
    assert out[4] == ("1 invitation en attente depuis plus de 21 jours : pensez à la retirer.")
    more = beginner(stale=3, views_90d=420)
    out = [plain_spaces(warning_text(w)) for w in warnings(DAY, more, estimate(DAY, more))]
    assert "420 vues du profil en 90 jours" in out[1]
    assert out[4] == ("3 invitations en attente depuis plus de 21 jours : pensez à les retirer.")


def test_reach_band_and_advice_in_french(french: None) -> None:
    low = reach_band(30)
    assert (reach_name(low), reach_figure(low)) == ("< 45", "moins de 75 (aucun chiffre donné)")
    middle = reach_band(50)
    assert plain_spaces(reach_advice(middle)) == ("Portée de vos publications : 75 % de la "
                                                  "moyenne. Visez plus de 75 pour 125 %.")
    assert "au regard des bénéfices escomptés (article 1)" in reach_advice(reach_band(92))


def test_every_term_explains_itself_in_french(french: None) -> None:
    terms = [t for p in estimate(DAY, History()).pillars.values() for t in p.terms]
    assert len(terms) == len(TERM_DEFS) == len(TERM_NAMES)
    for term in terms:
        assert term_name(term.key) != TERM_NAMES[term.key], term.key
        source = term_source(term.source)
        assert source.startswith("Article 1, « "), source
        assert " and " not in source and "cap" not in source
    names = {t.key: term_name(t.key) for t in terms}
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
    titles = {t.key: todo_title(t) for t in status.todos}
    assert titles["searches"] == "Recherches" and titles["login"] == "Connexion à LinkedIn"
    assert any(warning_text(w).startswith("3 invitations en attente") for w in status.warnings)
    data = status.as_json()  # still in French: nothing switched, the words are English
    assert {t["title"] for t in data["todos"]} >= {"Searches", "Log in to LinkedIn"}
    assert any(w.startswith("3 invitations pending") for w in data["warnings"])
    assert "stale_invitations" in data["warning_codes"]
    assert titles["searches"] == "Recherches"


def test_english_is_unchanged_after_french() -> None:
    history = beginner(stale=3, views_90d=420)
    with using("fr"):
        assert todo_title(todos(DAY, history, estimate(DAY, history))[0]) != "Log in to LinkedIn"
    items = {t.key: todo_title(t) for t in todos(DAY, history, estimate(DAY, history))}
    assert (items["login"], items["searches"]) == ("Log in to LinkedIn", "Searches")
    assert [warning_text(w) for w in warnings(DAY, history, estimate(DAY, history))] == [
        "Brand at 8 (model estimate), below 20: no posts yet. Finish your profile (media in the "
        "About section and in each experience), ask for skill endorsements, write an article "
        "(article 1).",
        "420 profile views in 90 days: below 600, little happens (article 1).",
        "42 search appearances last week: below 100–150: work on your profile (article 1).",
        "29,500 connections: LinkedIn caps a network at 30,000 (article 2).",
        "3 invitations pending for more than 21 days: consider withdrawing them.",
    ]
    assert reach_name(reach_band(50)) == "45–60" and reach_name(reach_band(30)) == "below 45"
    assert verdict_text(invitation_study(article_2(), DAY)).startswith(
        "Plain invitations were accepted more (72% vs 62%, p = 0.13, z-test), not significant at "
        "5%")
    terms = [t for p in estimate(DAY, History()).pillars.values() for t in p.terms]
    assert term_name(terms[0].key) == "Profile checklist complete"
    assert term_source(terms[0].source) == "Article 1, 'Construire votre marque personnelle'"


def test_the_model_says_the_same_in_every_language() -> None:
    """Codes and figures, no words: the model's output under French equals its output under
    English, object for object (issue 16)."""
    from ssi_tui.model.forecast import forecast, plan

    history = beginner(stale=3, views_90d=420)
    study_invitations = [*article_2(), Invitation(9000, ago(3), 2, True)]

    def everything() -> tuple[object, ...]:
        est = estimate(DAY, history)
        fc = forecast(history, DAY, est, 75)
        return (est, todos(DAY, history, est), warnings(DAY, history, est),
                [reach_band(total) for total in (30, 50, 65, 80, 95)],
                invitation_study(study_invitations, DAY), fc, plan(history, DAY, est, fc))

    english = everything()
    with using("fr"):
        french = everything()
    assert french == english
    assert all(t.key and not hasattr(t, "title") for t in english[1])
