"""Corpus term statistics for question words: document frequencies, IDF, inflected and misspelt
forms of corpus terms ("robocoastin" -> robocoast, "rahotus" -> rahoitus)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from assistant.wordlists import CASE_ENDINGS

MIN_FUZZY = 5  # shortest term mapped to a corpus term one edit away


class TermStats:
    """Document frequencies of terms over the chunks of one index version."""

    def __init__(self, term_lists: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for terms in term_lists:
            df.update(set(terms))
            n += 1
        self.df: Mapping[str, int] = df
        self.n = max(n, 1)
        self.max_idf = self.idf("\0never")
        self._by_length: dict[int, list[str]] = {}
        for term in df:
            self._by_length.setdefault(len(term), []).append(term)

    def idf(self, term: str) -> float:
        return math.log(1.0 + self.n / (1.0 + self.df.get(term, 0)))

    def known_suffix(self, term: str) -> bool:
        """Whether the corpus has ``term`` or a compound ending in it ("metalliala")."""
        return term in self.df or (len(term) >= 4 and any(t.endswith(term) for t in self.df))

    def stem(self, term: str) -> str | None:
        """A corpus term that ``term`` is an inflected form of ("robocoastin" -> robocoast)."""
        for ending in CASE_ENDINGS:
            base = term[: -len(ending)]
            if term.endswith(ending) and len(base) >= 3 and base in self.df:
                return base
        return None

    def closest(self, term: str) -> str | None:
        """A corpus term one edit away from an unknown term of 5+ letters, if any."""
        if len(term) < MIN_FUZZY or term in self.df or not term.isalpha():
            return None
        best: tuple[int, str] | None = None
        for length in (len(term), len(term) - 1, len(term) + 1):
            for cand in self._by_length.get(length, ()):
                if cand[0] == term[0] and one_edit(term, cand):
                    freq = self.df[cand]
                    if best is None or freq > best[0]:
                        best = (freq, cand)
        return best[1] if best else None


def one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) != 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]
