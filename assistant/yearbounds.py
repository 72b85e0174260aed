"""Years a question gives as a bound, not as the year it asks about.

"Jatkuuko sopimus vuoden 2027 jälkeen?" asks about a time after 2027: a sentence that names
2027 only as the end of the agreement ("koskee vuosia 2021–2027") does not answer it, one giving
a later date would. "Millaisia innovaatioympäristöjä halutaan ennen vuotta 2031?" is answered
by "vuoteen 2030 mennessä", which does not say 2031. So a bound year is not required as such;
the sentence must give a time on the asked side of it (fi / en / sv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.upcoming import gives_future_date

_YEAR = r"((?:19|20)\d\d)(?!\d)"
_AFTER = re.compile(
    rf"(?<!\d){_YEAR}\s+(?:jälkeen|jälkeis\w*)\b|\b(?:after|beyond|efter)\s+{_YEAR}",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    rf"\b(?:ennen|before|före|innan)\s+(?:vuotta\s+|year\s+|året\s+)?{_YEAR}", re.IGNORECASE
)
_ANY_YEAR = re.compile(r"(?<![\d,])(?:19|20)\d\d(?![\d]|[.,]\d)")


@dataclass(frozen=True)
class YearBound:
    """A year the answer's time must lie after (or before)."""

    year: str
    after: bool

    @property
    def label(self) -> str:
        """How :func:`assistant.constraints.violations` names it when a sentence misses it."""
        return f"{'after' if self.after else 'before'}:{self.year}"


def year_bounds(text: str) -> tuple[YearBound, ...]:
    """The bound years of a question, in the order they occur."""
    found = [(m.start(), YearBound(m.group(1) or m.group(2), True)) for m in _AFTER.finditer(text)]
    found += [(m.start(), YearBound(m.group(1), False)) for m in _BEFORE.finditer(text)]
    return tuple(dict.fromkeys(bound for _, bound in sorted(found)))


def within(text: str, bound: YearBound) -> bool:
    """Whether a text gives a time on the asked side of the bound."""
    if bound.after:
        return gives_future_date(text, date(int(bound.year), 12, 31))
    return any(int(y) < int(bound.year) for y in _ANY_YEAR.findall(text))
