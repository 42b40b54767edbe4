"""The paste reader reads the SSI page in every layout people copy it in, and refuses rather than
guess: each text here is built the way the page renders when copied (values before or after their
labels, tables, the three blocks, split ranks, both languages, CRLF, decimal commas, no-break and
thin spaces), and each test asserts the exact values read or the exact number refused.

The layouts come from how scrapers of linkedin.com/sales/ssi read it: "12.05 | Establish your
professional brand" rows, "Top / Industry SSI rank / 75 / %" ranks, "People in your industry
have an average SSI of 31." sentences, and the accessible tables of the three donuts."""

from __future__ import annotations

import pytest

from ssi_tui.journal.errors import InputError
from ssi_tui.journal.ssi_page import PageReading, read_ssi_page

EN = ("Establish your professional brand", "Find the right people", "Engage with insights",
      "Build relationships")
FR_LINKEDIN = ("Établir votre marque professionnelle", "Trouver les bonnes personnes",
               "Échanger des informations", "Établir des relations")
FR_ARTICLES = ("Construire votre marque personnelle", "Trouver les bonnes personnes",
               "Echanger des informations", "Etablir des relations")
MINE = (13.118, 8.75, 10.2, 9.9)  # 41.968: the page shows 42
INDUSTRY = (6.5, 7.25, 8.0, 9.25)  # 31
NETWORK = (9.0, 9.5, 9.75, 9.75)  # 38


def pillars(page: PageReading) -> tuple[float, ...]:
    return tuple(page.pillars.values())


def refused(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read_ssi_page(text)
    return caught.value


# -- values after their labels, on the next line (the French test page of the first version) ----

def after_next_line(labels: tuple[str, ...], values: tuple[float, ...], total: str,
                    comma: bool = False) -> str:
    show = (lambda v: f"{v:g}".replace(".", ",")) if comma else (lambda v: f"{v:g}")
    body = "".join(f"{label}\n{show(v)}\n" for label, v in zip(labels, values, strict=True))
    return f"Votre Social Selling Index\n{total}\n{body}"


@pytest.mark.parametrize("labels", [EN, FR_LINKEDIN, FR_ARTICLES,
                                    tuple(label.upper() for label in FR_LINKEDIN)],
                         ids=["english", "french-linkedin", "french-articles", "capitals"])
def test_values_after_labels_next_line(labels: tuple[str, ...]) -> None:
    page = read_ssi_page(after_next_line(labels, MINE, "42\nsur 100", comma=True))
    assert pillars(page) == MINE
    assert page.total_shown == 42


# -- values before their labels ("Four components of your score") --------------------------------

BEFORE = (
    "Your Social Selling Index\n42\nout of 100\n"
    "Top\nIndustry SSI rank\n5\n%\nTop\nNetwork SSI rank\n20\n%\n"
    "Four components of your score\n"
    "13.118\nEstablish your professional brand\n8.75\nFind the right people\n"
    "10.2\nEngage with insights\n9.9\nBuild relationships\n"
    "People in your industry\nSales professionals in the Software Development industry have an"
    " average SSI of 31.\nYou rank in the top 5%\n"
    "People in your network\nPeople in your network have an average SSI of 38.\n"
    "You rank in the top 20%\n"
)


def test_values_before_labels_with_split_ranks_and_averages() -> None:
    page = read_ssi_page(BEFORE)
    assert pillars(page) == MINE
    assert (page.total_shown, page.total) == (42, 41.968)
    assert (page.industry_rank, page.network_rank) == (5, 20)
    assert (page.industry_avg, page.network_avg) == (31, 38)


def test_values_before_labels_same_line_with_a_pipe() -> None:
    text = "42 out of 100\n" + "".join(f"{v} | {label}\n" for label, v in zip(EN, MINE,
                                                                             strict=True))
    assert pillars(read_ssi_page(text)) == MINE


def test_values_after_labels_same_line() -> None:
    text = "".join(f"{label}: {v}\n" for label, v in zip(EN, MINE, strict=True)) + "42/100\n"
    assert pillars(read_ssi_page(text)) == MINE


def test_french_split_ranks_with_no_break_spaces_and_crlf() -> None:
    text = (after_next_line(FR_LINKEDIN, MINE, "42\u00a0sur\u00a0100", comma=True)
            + "Top\nClassement SSI du secteur\n5\n\u202f%\n"
            + "Classement SSI du réseau\nTop 20\u2009%\n")
    page = read_ssi_page(text.replace("\n", "\r\n"))
    assert pillars(page) == MINE
    assert (page.industry_rank, page.network_rank) == (5, 20)


def test_ranks_before_their_labels() -> None:
    text = (after_next_line(EN, MINE, "42 out of 100")
            + "Top 5%\nIndustry SSI rank\nTop 20%\nNetwork SSI rank\nFour components\n")
    page = read_ssi_page(text)
    assert (page.industry_rank, page.network_rank) == (5, 20)


def test_french_averages_sentences() -> None:
    text = (after_next_line(FR_LINKEDIN, MINE, "42 sur 100", comma=True)
            + "Les professionnels de la vente du secteur Développement de logiciels ont un SSI"
            " moyen de 31.\nVous êtes dans le top 5 %\n"
            + "Les membres de votre réseau ont un SSI moyen de 38.\nVous êtes dans le top 20 %\n")
    page = read_ssi_page(text)
    assert pillars(page) == MINE
    assert (page.industry_avg, page.network_avg) == (31, 38)
    assert (page.industry_rank, page.network_rank) == (5, 20)


# -- tables: the three donuts' tables, a row of labels above a row of values ----------------------

def table(values: tuple[float, ...], sep: str = "\t") -> str:
    rows = [f"Category{sep}value"]
    rows += [f"{label}{sep}{v:g}" for label, v in zip(EN, values, strict=True)]
    rows.append(f"Remaining points{sep}{100 - sum(values):g}")
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("sep", ["\t", " | "], ids=["tab", "pipe"])
def test_three_tables_you_industry_network(sep: str) -> None:
    text = table(MINE, sep) + table(INDUSTRY, sep) + table(NETWORK, sep)
    page = read_ssi_page(text)
    assert pillars(page) == MINE
    assert page.total_shown == pytest.approx(41.968)
    assert (page.industry_avg, page.network_avg) == (31, 38)


def test_three_tables_under_their_headings() -> None:
    text = ("Your Social Selling Index\n42 out of 100\n" + table(MINE)
            + "People in your network\n" + table(NETWORK))
    page = read_ssi_page(text)
    assert pillars(page) == MINE
    assert (page.industry_avg, page.network_avg) == (None, 38)


def test_row_of_labels_above_row_of_values() -> None:
    text = "42 out of 100\n" + "\t".join(EN) + "\n" + "\t".join(f"{v}" for v in MINE) + "\n"
    assert pillars(read_ssi_page(text)) == MINE


def test_float_noise_of_the_page_is_rounded() -> None:
    text = after_next_line(EN, (13.118002, 8.750002, 10.2, 9.9), "42 out of 100")
    assert pillars(read_ssi_page(text)) == MINE


# -- the language-free fallback -----------------------------------------------------------------

def test_fallback_takes_four_numbers_only_when_they_add_up_to_the_total() -> None:
    page = read_ssi_page("Mein SSI\n42/100\n13.118\n8.75\n10.2\n9.9\n")
    assert pillars(page) == MINE
    assert not page.by_labels


def test_fallback_refuses_numbers_that_do_not_add_up() -> None:
    error = refused("Mein SSI\n50/100\n13.118\n8.75\n10.2\n9.9\n")
    assert error.field == "paste"
    assert "total shown (50)" in str(error)


def test_fallback_refuses_without_a_total() -> None:
    assert "no total" in str(refused("13.118\n8.75\n10.2\n9.9\n"))


# -- what must be refused -----------------------------------------------------------------------

@pytest.mark.parametrize("labels", [EN, FR_LINKEDIN], ids=["english", "french"])
def test_a_total_that_disagrees_is_refused_naming_it(labels: tuple[str, ...]) -> None:
    error = refused(after_next_line(labels, MINE, "50 out of 100"))
    assert error.field == "total"
    assert "shows 50 out of 100 but the four pillars add up to 41.968" in str(error)


def test_remaining_points_that_disagree_are_refused() -> None:
    text = table(MINE).replace(f"{100 - sum(MINE):g}", "40")
    error = refused(text)
    assert error.field == "total"
    assert "40 remaining points" in str(error)


def test_an_industry_table_that_disagrees_with_its_average_is_refused() -> None:
    text = (table(MINE) + "People in your industry have an average SSI of 45.\n"
            + table(INDUSTRY).replace("Remaining points\t69\n", ""))
    error = refused(text)
    assert error.field == "industry_avg"


def test_a_pillar_above_25_is_refused() -> None:
    error = refused(after_next_line(EN, (31.0, 8.75, 10.2, 9.9), "60 out of 100"))
    assert (error.field, error.message) == ("brand", "31 is not between 0 and 25")


def test_a_missing_pillar_is_refused() -> None:
    text = "".join(f"{label}\n{v}\n" for label, v in zip(EN[:3], MINE, strict=False))
    error = refused(text)
    assert error.field == "relationships"


def test_a_label_without_value_is_refused() -> None:
    text = after_next_line(EN, MINE, "42 out of 100").replace("9.9\n", "")
    error = refused(text)
    assert error.field == "relationships"


def test_both_orders_possible_without_a_total_is_refused() -> None:
    # a number before the first label and one after the last: either pairing is possible
    text = "7\n" + "".join(f"{label}\n{v}\n" for label, v in zip(EN, MINE, strict=True))
    assert "before or after" in str(refused(text))


def test_both_orders_possible_the_total_decides() -> None:
    text = ("42 out of 100\n7\n"
            + "".join(f"{label}\n{v}\n" for label, v in zip(EN, MINE, strict=True)))
    assert pillars(read_ssi_page(text)) == MINE


def test_text_without_figures_is_refused() -> None:
    assert refused("Hello, this is not the page").field == "paste"


def test_a_huge_paste_is_refused() -> None:
    assert "too long" in str(refused("1 " * 200_000))


def wrong_total(text: str) -> str:
    return text.replace("42", "47", 1)


@pytest.mark.parametrize("text", [
    wrong_total(after_next_line(FR_LINKEDIN, MINE, "42 sur 100", comma=True)
                .replace("\n", "\r\n")),
    wrong_total(BEFORE),
    wrong_total("42 out of 100\n" + "\t".join(EN) + "\n" + "\t".join(f"{v}" for v in MINE)),
    wrong_total(after_next_line(FR_ARTICLES, MINE, "42\u00a0sur\u00a0100", comma=True)
                + "Top\nClassement SSI du secteur\n5\n%\n"),
    wrong_total("42/100\n" + "".join(f"{str(v).replace('.', ',')} | {label}\r\n"
                                     for label, v in zip(FR_LINKEDIN, MINE, strict=True))),
], ids=["french-comma-crlf", "before-split-ranks", "row-of-labels", "articles-nbsp-ranks",
        "pipe-before-french"])
def test_every_layout_refuses_a_total_that_disagrees(text: str) -> None:
    error = refused(text)
    assert error.field == "total"
    assert "shows 47 out of 100 but the four pillars add up to 41.968" in str(error)
