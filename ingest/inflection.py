"""Lemmas of inflected forms that the dictionary lacks, found through their paradigm siblings.

simplemma's Finnish dictionary lists many forms of a word but not all: "haussa" and "haun" are
there (-> haku), "hausta" is not. In Finnish the inessive, elative, adessive, ablative, allative,
translative, genitive and plural nominative share one stem (the weak grade: "hau-" of "haku"), so
when a form with one of these endings is unknown, the same stem with another of them is tried.
"""

from __future__ import annotations

from collections.abc import Callable

# endings on the shared (weak-grade) stem, longest first so "-ssa" is matched before "-a"
WEAK_STEM_ENDINGS: tuple[str, ...] = (
    "ksi",
    "ssa",
    "ssä",
    "sta",
    "stä",
    "lla",
    "llä",
    "lta",
    "ltä",
    "lle",
    "n",
    "t",
)
_MIN_STEM = 3


def sibling_lemma(word: str, forms: Callable[[str], str | None], min_agree: int = 1) -> str | None:
    """The lemma of ``word`` read from sibling forms the dictionary knows, or None.

    ``word`` is lowercase; ``forms`` maps a known form to its lemma (None when unknown). The
    dictionary also lists some inflected forms as lemmas of their own ("hausta"); for those, ask
    for ``min_agree`` = 2 siblings naming the same other lemma.
    """
    for ending in WEAK_STEM_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)]
        if len(stem) < _MIN_STEM:
            return None
        votes: dict[str, int] = {}
        for other in WEAK_STEM_ENDINGS:
            lemma = forms(stem + other) if other != ending else None
            if lemma is not None and lemma != word:
                votes[lemma] = votes.get(lemma, 0) + 1
                if votes[lemma] >= min_agree:
                    return lemma
        return None
    return None
