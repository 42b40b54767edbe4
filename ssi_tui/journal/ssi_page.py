"""Reading the text a user copies from linkedin.com/sales/ssi into a reading, or refusing it.

The page's copy varies (values before or after their labels, on the same line or the next, tab
or pipe tables, the four labels in a row above a row of values, ranks split over four lines,
English or French, accents or not, decimal commas, no-break spaces, CRLF), and the same table
appears three times: for you, for your industry and for your network, whose values are averages.
A wrong pairing would save a plausible but false reading, so this reader cross-checks what it
found against the total the page shows ("20 out of 100", "20 sur 100", "Remaining points 80")
within LinkedIn's rounding, and refuses, naming the number that disagrees, rather than guess.

Pure: text in, a `PageReading` or an `InputError` out; no Textual, no journal, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise

from ssi_tui.i18n import _, short_number
from ssi_tui.journal.errors import InputError

PILLARS = ("brand", "people", "insights", "relationships")
TOLERANCE = 0.5
"""LinkedIn shows the total rounded to a whole number: the pillars may add up to ±0.5 of it."""
MAX_TEXT = 200_000
"""A copy of the whole page is a few kilobytes; far more is not a copy of this page."""

_LABELS: dict[str, str] = {
    # LinkedIn's English wording, and the gerunds of articles about it
    "brand": r"establish(?:ing)? (?:your |a )?professional brand|"
             # French: LinkedIn's page and the two source articles
             r"(?:etablir|construire|imposer) votre marque (?:professionnelle|personnelle)",
    "people": r"find(?:ing)? the right people|trouver les bonnes personnes",
    "insights": r"engag(?:e|ing) with insights|echanger des informations|"
                r"interagir avec des informations|communiquer avec les bonnes infos",
    "relationships": r"build(?:ing)? relationships|(?:etablir|nouer|construire) des relations",
    "industry_rank": r"industry ssi rank|classement ssi (?:du|dans le|de votre) secteur",
    "network_rank": r"network ssi rank|classement ssi (?:du|dans le|de votre) reseau",
    "remaining": r"remaining points|points restants",
}
_NUMBER = r"\d{1,3}(?:[.,]\d+)?"
_TOKENS = re.compile(
    "|".join([
        *(f"(?P<{name}>{pattern})" for name, pattern in _LABELS.items()),
        # "Sales professionals in the Software industry have an average SSI of 36."
        rf"(?P<avg>(?:average ssi(?: score)? (?:of|is)|ssi moyen (?:est )?(?:de|:))\s*"
        rf"(?P<avg_value>{_NUMBER}))",
        r"(?P<industry_mark>(?:people|professionals|members) in (?:your|the)\b[^\n.]{0,80}?"
        r"\bindustry\b|\byour industry\b|\bvotre secteur\b|(?:professionnels|membres|personnes)"
        r"\b[^\n.]{0,80}?\bsecteur\b)",
        r"(?P<network_mark>(?:people|members|professionals) in your network|\byour network\b|"
        r"\bvotre reseau\b|(?:membres|personnes)\b[^\n.]{0,40}?\breseau\b)",
        rf"(?P<total>(?P<total_value>{_NUMBER})[\s|:]*(?:out of|sur|/)\s*100(?![\d.,]))",
        rf"(?P<percent>(?P<percent_value>{_NUMBER})[\s|]*%)",
        r"(?P<you_rank>you rank in the top|vous etes dans les?|vous faites partie des)",
        r"(?P<top>\btop\b|\bpremiers?\b)",
        rf"(?P<number>(?<![\w.,]){_NUMBER}(?![\w]|[.,]\d))",
        r"(?P<sep>[\s|:;\-–—·•]+)",
        r"(?P<text>[^\s|:;\-–—·•\d]+|\d+|.)",
    ]),
    re.DOTALL,
)
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u200e\u200f]")
_KINDS = ("brand", "people", "insights", "relationships", "industry_rank", "network_rank",
          "remaining", "avg", "industry_mark", "network_mark", "total", "percent", "you_rank",
          "top", "number", "sep", "text")
BLOCKS = ("you", "industry", "network")


@dataclass
class _Token:
    kind: str
    text: str
    line: int
    start: int
    value: float | None = None
    block: int = 0


@dataclass(frozen=True)
class PageReading:
    """What was read from the page, checked: your four pillars, the total the page showed (None
    when it showed none), the ranks ("Top N%") and the averages of your industry and network."""

    brand: float
    people: float
    insights: float
    relationships: float
    total_shown: float | None = None
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_avg: float | None = None
    network_avg: float | None = None
    by_labels: bool = True
    """False when no label was found and the four numbers were taken by the fallback."""

    @property
    def pillars(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in PILLARS}

    @property
    def total(self) -> float:
        return round(sum(self.pillars.values()), 3)

    def fields(self) -> dict[str, float | None]:
        """What `Journal.add_reading` takes."""
        return {**self.pillars, "industry_rank": self.industry_rank,
                "network_rank": self.network_rank, "industry_avg": self.industry_avg,
                "network_avg": self.network_avg}


def plain(text: str) -> str:
    """Lower case, no accents, one kind of space and of line end: 'Établir' reads 'etablir'."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    line = 1
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup or "text"
        token = _Token(kind, match.group(), line, match.start())
        if kind == "avg":
            token.value = _number(match.group("avg_value"))
        elif kind == "total":
            token.value = _number(match.group("total_value"))
        elif kind == "percent":
            token.value = _number(match.group("percent_value"))
        elif kind == "number":
            token.value = _number(match.group())
        line += match.group().count("\n")
        if kind != "sep":
            tokens.append(token)
    return tokens


def _assign_blocks(tokens: list[_Token]) -> None:
    """Which table each token belongs to: yours first, then your industry's, then your
    network's. A sentence naming the industry or the network starts its block once your own
    pillars have been seen; a pillar label seen again in a block starts the next one."""
    marker_block = 0  # for sentences: totals, averages, "you rank in the top N%"
    pillar_block = 0
    seen: set[str] = set()
    for token in tokens:
        if token.kind in ("industry_mark", "network_mark"):
            marker_block = 1 if token.kind == "industry_mark" else 2
            if (seen or pillar_block) and marker_block > pillar_block:
                pillar_block, seen = marker_block, set()
        if token.kind in PILLARS or token.kind == "remaining":
            if token.kind in seen:
                pillar_block, seen = pillar_block + 1, set()
                if pillar_block > 2:
                    raise InputError("paste", _(
                        "more than three tables of the four pillars: copy the SSI page once"))
            seen.add(token.kind)
            token.block = pillar_block
        elif token.kind == "avg":
            token.block = _avg_block(tokens, token, marker_block)
        else:
            token.block = marker_block


def _avg_block(tokens: list[_Token], avg: _Token, fallback: int) -> int:
    """An average belongs to the industry or the network its own sentence names."""
    for token in reversed(tokens[: tokens.index(avg)]):
        if token.kind in ("industry_mark", "network_mark"):
            return 1 if token.kind == "industry_mark" else 2
        if token.kind in ("percent", "avg", "total") or token.kind in PILLARS:
            break
        if token.text in ("industry", "secteur"):
            return 1
        if token.text in ("network", "reseau"):
            return 2
    return fallback or 1


@dataclass
class _Found:
    """Per block, the values paired with their labels."""

    pillars: dict[str, float] = field(default_factory=dict)
    totals: list[tuple[str, float]] = field(default_factory=list)
    averages: list[float] = field(default_factory=list)


def _neighbour(tokens: list[_Token], at: int, step: int, wanted: tuple[str, ...],
               skip: tuple[str, ...] = ()) -> int | None:
    """The index of the token next to `at` in direction `step` if it is a value of a `wanted`
    kind (with only `skip` tokens between), else None."""
    index = at + step
    while 0 <= index < len(tokens) and tokens[index].kind in skip:
        index += step
    if 0 <= index < len(tokens) and tokens[index].kind in wanted:
        return index
    return None


def _pair(tokens: list[_Token], labels: list[int], wanted: tuple[str, ...],
          skip: tuple[str, ...] = (), used: set[int] | None = None,
          check: float | None = None) -> dict[int, int]:
    """Pair each label (by token index) with its value token. A label whose value sits on its
    own line (or a run of labels above a run of values) is unambiguous; otherwise every value
    comes either after or before its label, the same way for the whole table, and when both
    readings are possible the total shown (`check`) decides, or the reader refuses."""
    used = set(used or ())
    pairs: dict[int, int] = {}
    rest: list[int] = []
    runs = _runs(tokens, labels, wanted, skip)
    for label, value in runs.items():
        pairs[label] = value
        used.add(value)
    for label in labels:
        if label in pairs:
            continue
        same_line = [i for i in (_neighbour(tokens, label, step, wanted, skip) for step in (1, -1))
                     if i is not None and i not in used
                     and tokens[i].line == tokens[label].line]
        if len(same_line) == 1:
            pairs[label] = same_line[0]
            used.add(same_line[0])
        else:
            rest.append(label)
    if not rest:
        return pairs
    options: list[dict[int, int]] = []
    stuck: list[tuple[int, int]] = []  # (labels paired, the label that found no value)
    for step in (1, -1):
        option: dict[int, int] = {}
        for label in rest:
            value = _neighbour(tokens, label, step, wanted, skip)
            if value is None or value in used or value in option.values():
                stuck.append((len(option), label))
                break
            option[label] = value
        else:
            options.append(option)
    if len(options) == 2 and _values(tokens, options[0]) != _values(tokens, options[1]):
        if check is not None:
            fits = [o for o in options
                    if abs(sum(_values(tokens, {**pairs, **o})) - check) <= TOLERANCE]
            if len(fits) == 1:
                options = fits
        if len(options) == 2:
            raise InputError("paste", _(
                "cannot tell whether each value comes before or after its label, and the"
                " total does not settle it: copy the page with its total (\"N out of 100\")"))
    if not options:
        missing = tokens[max(stuck)[1]]
        raise InputError(missing.kind, _("no value next to \u201c{label}\u201d").format(
            label=missing.text.strip()))
    return {**pairs, **options[0]}


def _runs(tokens: list[_Token], labels: list[int], wanted: tuple[str, ...],
          skip: tuple[str, ...]) -> dict[int, int]:
    """A row of k labels followed by a row of k values (or the other way round): by column."""
    pairs: dict[int, int] = {}
    group = [labels[0]] if labels else []
    groups: list[list[int]] = []
    for a, b in pairwise(labels):
        if all(tokens[i].kind in skip for i in range(a + 1, b)):
            group.append(b)
        else:
            groups.append(group)
            group = [b]
    if group:
        groups.append(group)
    for group in groups:
        if len(group) < 2:
            continue
        for step, edge in ((1, group[-1]), (-1, group[0])):
            values: list[int] = []
            index = edge + step
            while 0 <= index < len(tokens) and len(values) < len(group):
                if tokens[index].kind in wanted:
                    values.append(index)
                elif tokens[index].kind not in skip:
                    break
                index += step
            if len(values) == len(group):
                if step == -1:
                    values.reverse()
                pairs.update(zip(group, values, strict=True))
                break
    return pairs


def _values(tokens: list[_Token], pairs: dict[int, int]) -> list[float]:
    return [tokens[v].value or 0.0 for _label, v in sorted(pairs.items())]


def _show(value: float) -> str:
    return short_number(value)


def _check_total(pillars: dict[str, float], shown: list[tuple[str, float]], block: int) -> None:
    total = round(sum(pillars.values()), 3)
    for source, value in shown:
        if abs(total - value) > TOLERANCE:
            parts = ", ".join(f"{name} {_show(v)}" for name, v in pillars.items())
            field = ("total", "industry_avg", "network_avg")[block]
            if source == "remaining":
                text = _("the page shows {remaining} remaining points (a total of {shown}) but"
                         " the four pillars add up to {total} ({parts})")
            else:
                text = _("the page shows {shown} out of 100 but the four pillars add up to"
                         " {total} ({parts})")
            raise InputError(field, text.format(remaining=_show(100 - value), shown=_show(value),
                                                total=_show(total), parts=parts))


def _check_range(name: str, value: float) -> float:
    value = round(value, 3)
    if not 0 <= value <= 25:
        raise InputError(name, _("{value} is not between 0 and 25").format(value=_show(value)))
    return value


def read_ssi_page(text: str) -> PageReading:
    """The reading on the pasted page, checked; an InputError naming what disagrees otherwise."""
    if len(text) > MAX_TEXT:
        raise InputError("paste", _("too long for a copy of the SSI page ({n} characters)")
                         .format(n=len(text)))
    tokens = _tokens(plain(text))
    if not any(t.kind in ("number", "total", "percent", "avg") for t in tokens):
        raise InputError("paste", _("no figures found: copy the whole linkedin.com/sales/ssi"
                                    " page"))
    _assign_blocks(tokens)
    found = [_Found(), _Found(), _Found()]
    for token in tokens:
        if token.kind == "total" and token.value is not None:
            found[token.block].totals.append(("total", token.value))
        elif token.kind == "avg" and token.value is not None:
            found[token.block].averages.append(token.value)
    used: set[int] = set()
    for block in range(3):
        _read_remaining(tokens, block, found[block], used)
        _read_pillars(tokens, block, found[block], used)
    ranks = _read_ranks(tokens, used)
    you = found[0]
    if not you.pillars:
        return _fallback(tokens, you, ranks, found)
    missing = [name for name in PILLARS if name not in you.pillars]
    if missing:
        raise InputError(missing[0], _("not found on the page; the other pillars were"))
    pillars = {name: _check_range(name, you.pillars[name]) for name in PILLARS}
    _check_total(pillars, you.totals, 0)
    averages = [_average(found[block], block) for block in (1, 2)]
    return PageReading(**pillars, total_shown=_shown(you), industry_rank=ranks.get(1),
                       network_rank=ranks.get(2), industry_avg=averages[0],
                       network_avg=averages[1])


def _shown(found: _Found) -> float | None:
    totals = [value for source, value in found.totals if source == "total"]
    if totals:
        return totals[0]
    return found.totals[0][1] if found.totals else None


def _read_remaining(tokens: list[_Token], block: int, found: _Found, used: set[int]) -> None:
    labels = [i for i, t in enumerate(tokens) if t.kind == "remaining" and t.block == block]
    if not labels:
        return
    for label, value in _pair(tokens, labels, ("number",), used=used).items():
        used.add(value)
        remaining = tokens[value].value or 0.0
        found.totals.append(("remaining", round(100 - remaining, 3)))
        del label


def _read_pillars(tokens: list[_Token], block: int, found: _Found, used: set[int]) -> None:
    labels = [i for i, t in enumerate(tokens) if t.kind in PILLARS and t.block == block]
    if not labels:
        return
    shown = found.totals or [("avg", a) for a in found.averages]
    check = shown[0][1] if shown else None
    pairs = _pair(tokens, labels, ("number",), used=used, check=check)
    for label, value in pairs.items():
        used.add(value)
        found.pillars[tokens[label].kind] = tokens[value].value or 0.0


def _read_ranks(tokens: list[_Token], used: set[int]) -> dict[int, float]:
    """Industry and network ranks: by their labels ("Top / Industry SSI rank / 75 / %" and the
    like), else by the "you rank in the top N%" sentence of the industry or network block."""
    ranks: dict[int, float] = {}
    labels = [i for i, t in enumerate(tokens) if t.kind in ("industry_rank", "network_rank")]
    if labels:
        pairs = _pair(tokens, labels, ("percent",), skip=("top",), used=used)
        for label, value in pairs.items():
            which = 1 if tokens[label].kind == "industry_rank" else 2
            ranks.setdefault(which, _rank(tokens[label].kind, tokens[value].value))
            used.add(value)
    for index, token in enumerate(tokens):
        if token.kind == "you_rank" and token.block in (1, 2) and token.block not in ranks:
            value = _neighbour(tokens, index, 1, ("percent",), skip=("top",))
            if value is not None:
                name = "industry_rank" if token.block == 1 else "network_rank"
                ranks[token.block] = _rank(name, tokens[value].value)
    return ranks


def _rank(name: str, value: float | None) -> float:
    if value is None or not 0 < value <= 100:
        raise InputError(name, _("a rank is a share between 0 and 100%"))
    return round(value, 3)


def _average(found: _Found, block: int) -> float | None:
    """An industry or network average SSI: the sentence saying it, else the total of its table."""
    name = BLOCKS[block] + "_avg"
    if found.pillars:
        if len(found.pillars) < 4:
            missing = next(p for p in PILLARS if p not in found.pillars)
            raise InputError(name, _("the {pillar} of this table was not found").format(
                pillar=missing))
        pillars = {p: _check_range(p, v) for p, v in found.pillars.items()}
        _check_total(pillars, found.totals + [("total", a) for a in found.averages], block)
    candidates = found.averages + [v for _s, v in found.totals]
    if candidates:
        value = candidates[0]
    elif found.pillars:
        value = sum(found.pillars.values())
    else:
        return None
    if not 0 <= value <= 100:
        raise InputError(name, _("an average SSI is between 0 and 100"))
    return round(value, 3)


def _fallback(tokens: list[_Token], you: _Found, ranks: dict[int, float],
              found: list[_Found]) -> PageReading:
    """No label in any language: four numbers in 0–25 in a row are taken for the pillars, in
    LinkedIn's order, only when they add up to the total the page shows."""
    shown = _shown(you)
    if shown is None:
        raise InputError("paste", _("no pillar names found (Establish your professional brand"
                                    " …) and no total (\"N out of 100\") to check numbers"
                                    " against"))
    numbers = [t.value for t in tokens if t.kind == "number" and t.block == 0
               and t.value is not None]
    fits = [numbers[i:i + 4] for i in range(len(numbers) - 3)
            if all(0 <= v <= 25 for v in numbers[i:i + 4])
            and abs(sum(numbers[i:i + 4]) - shown) <= TOLERANCE]
    if len({tuple(f) for f in fits}) != 1:
        raise InputError("paste", _(
            "no pillar names found, and not exactly one run of four numbers adds up to the"
            " total shown ({total})").format(total=_show(shown)))
    pillars = {name: round(v, 3) for name, v in zip(PILLARS, fits[0], strict=True)}
    averages = [_average(found[block], block) for block in (1, 2)]
    return PageReading(**pillars, total_shown=shown, industry_rank=ranks.get(1),
                       network_rank=ranks.get(2), industry_avg=averages[0],
                       network_avg=averages[1], by_labels=False)
