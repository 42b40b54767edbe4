"""What the paste reader found, in words: the reading form's preview and `reading --paste` both
show it before anything is saved, so the user sees which number went where."""

from __future__ import annotations

from ssi_tui.domain import PILLARS
from ssi_tui.i18n import _, short_number
from ssi_tui.journal.ssi_page import PageReading
from ssi_tui.labels import PILLAR_LABELS


def describe_page(page: PageReading) -> list[str]:
    """One line per group: the pillars, the total (checked against the page's), the ranks and
    the averages; nothing about what the page did not show."""
    lines = [", ".join(_("{pillar} {value}").format(pillar=PILLAR_LABELS[name],
                                                    value=short_number(page.pillars[name]))
                       for name in PILLARS)]
    total = short_number(page.total)
    if page.total_shown is None:
        lines.append(_("Total {total}/100 (the page showed no total to check it against)")
                     .format(total=total))
    else:
        lines.append(_("Total {total}/100, the page shows {shown}: checked").format(
            total=total, shown=short_number(page.total_shown)))
    if not page.by_labels:
        lines.append(_("No pillar names found: the four numbers that add up to the total were"
                       " taken in LinkedIn's order (brand, people, insights, relationships)"))
    for rank, average, heading in (
        (page.industry_rank, page.industry_avg, _("Your industry: {facts}")),
        (page.network_rank, page.network_avg, _("Your network: {facts}")),
    ):
        facts = []
        if rank is not None:
            facts.append(_("you rank in the top {rank}%").format(rank=short_number(rank)))
        if average is not None:
            facts.append(_("average SSI {avg}").format(avg=short_number(average)))
        if facts:
            lines.append(heading.format(facts=", ".join(facts)))
    return lines
