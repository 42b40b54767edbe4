"""Reading the text a user copies from linkedin.com/sales/ssi (English or French page, with or
without accents) into the four pillar scores and the two ranks. Pure: no Textual here."""

from __future__ import annotations

import re
import unicodedata

LABELS: dict[str, tuple[str, ...]] = {
    "brand": ("establish your professional brand", "construire votre marque professionnelle",
              "construire votre marque personnelle", "etablir votre marque professionnelle"),
    "people": ("find the right people", "trouver les bonnes personnes"),
    "insights": ("engage with insights", "echanger des informations",
                 "interagir avec des informations"),
    "relationships": ("build relationships", "etablir des relations", "nouer des relations"),
    "industry_rank": ("industry ssi rank", "classement ssi du secteur",
                      "classement ssi dans le secteur"),
    "network_rank": ("network ssi rank", "classement ssi du reseau",
                     "classement ssi dans le reseau"),
}
NUMBER = re.compile(r"(\d{1,3}(?:[.,]\d{1,3})?)")
TOP = re.compile(r"(?:top|premiers?)\s*(\d{1,3}(?:[.,]\d+)?)\s*%")
LOOKAHEAD = 80


def _plain(text: str) -> str:
    """Lower case, accents removed, so 'Échanger' matches 'echanger'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def parse_ssi_text(text: str) -> dict[str, float]:
    """Every figure found, by field name; fields not found are simply absent."""
    plain = _plain(text)
    found: dict[str, float] = {}
    for field, labels in LABELS.items():
        for label in labels:
            at = plain.find(label)
            if at < 0:
                continue
            after = plain[at + len(label): at + len(label) + LOOKAHEAD]
            pattern = TOP if field.endswith("_rank") else NUMBER
            match = pattern.search(after)
            if match:
                found[field] = float(match.group(1).replace(",", "."))
                break
    return found
