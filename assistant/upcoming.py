"""Questions about what comes next ("Milloin seuraava haku avautuu?") and dates after today.

The documents describe calls and projects that have dates; a question about the *next* or an
*upcoming* one is answered only by a sentence that gives a date after today. A sentence about a
call that closed in 2023 is a near miss for "Milloin seuraava haku aukeaa?", not an answer.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

_UPCOMING = re.compile(
    r"\bseuraava\w*|\btuleva(?!t\b)\w*|\btulevi\w*|\bensi kerra\w*|\bnext\b|\bupcoming\b|\bfuture\b|"
    r"\bnästa\b|\bkommande\b|\bframtida\b",
    re.IGNORECASE,
)
# "ensi vuonna" asks about a coming call ("Onko ensi vuonna hakuja?"); of a thing that has dates
# it asks whether they reach that far ("Onko hanke vielä käynnissä ensi vuonna?")
_NEXT_YEAR = re.compile(r"\bensi vuo\w*|\bnext year\b|\bnästa år\b", re.IGNORECASE)
_CALL = re.compile(
    r"\bhaku\w*|\bhau[nsl]\w*|\bhakuj\w*|\brahoitushau?\w*|\bcalls?\b|\bfunding round|"
    r"\bansökningsomgång\w*|\butlysning\w*",
    re.IGNORECASE,
)
_MONTHS = (
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
    "marraskuu",
    "joulukuu",
)
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_WRITTEN = re.compile(
    rf"(?<!\d)(\d{{1,2}})\.\s*({'|'.join(_MONTHS)})\w*\s+(\d{{4}})", re.IGNORECASE
)
# a period of years names a programme or an agreement ("2021–2027"), not a coming event
_SPAN = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[–-]\s*(?:19|20)\d\d(?!\d)")
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d]|[.,]\d)")


def asks_upcoming(text: str, kinds: Collection[str] = ("date",)) -> bool:
    """Whether a question asks when the next thing comes, or about the next or upcoming calls.

    "Milloin seuraava haku avautuu?" (a date is asked) and "Onko tulevia hakuja tiedossa?" (a
    call) both need a date after today; "Mikä on seuraava vaihe?" asks neither (fi / en / sv).
    """
    if _UPCOMING.search(text) is None:
        return _NEXT_YEAR.search(text) is not None and _CALL.search(text) is not None
    return "date" in kinds or _CALL.search(text) is not None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def latest_date(text: str) -> date | None:
    """The latest date a text gives; a bare year counts as its last day, a span of years not."""
    found: list[date] = []
    for d, m, y in _NUMERIC.findall(text):
        parsed = _valid(int(y), int(m), int(d))
        if parsed is not None:
            found.append(parsed)
    for d, month, y in _WRITTEN.findall(text):
        parsed = _valid(int(y), _MONTHS.index(month.lower()) + 1, int(d))
        if parsed is not None:
            found.append(parsed)
    stripped = _SPAN.sub(" ", _WRITTEN.sub(" ", _NUMERIC.sub(" ", text)))
    found += [date(int(y), 12, 31) for y in _YEAR.findall(stripped)]
    return max(found, default=None)


def gives_future_date(text: str, today: date) -> bool:
    """Whether a text gives a date after ``today``."""
    latest = latest_date(text)
    return latest is not None and latest > today
