"""Finnish text analysis for the lexical (BM25) index and for questions.

An analyzer turns the tokens of :mod:`ingest.tokens` into index terms (lowercased, stopwords
dropped, numbers, dates, e-mail addresses and acronyms kept whole). Analysis is cached per word.

Names for :func:`make_analyzer`:

- ``plain``: lowercase word tokens.
- ``snowball``: Snowball Finnish stems (PyStemmer, BSD).
- ``lemma``: dictionary lemmas (simplemma, MIT).
- ``lemma_compound`` (default): the lemma plus its compound parts, found by a
  dynamic-programming split of the lemma into words of simplemma's Finnish lemma list
  (plus an optional vocabulary, e.g. lemmas seen in the indexed corpus):
  "robotiikkahankkeeni" -> robotiikkahanke, robotiikka, hanke.
- ``voikko``: Voikko base forms and compound parts (pyvoikko, GPL-3.0). Optional: only
  when ``pyvoikko`` is installed; never the default.

Why this default (TyDi QA Finnish, 782 questions over 634 pooled passages, bm25s defaults;
see ``python -m eval tydi``): BM25 MRR@10 was plain 0.752, snowball 0.822, lemma 0.850,
lemma_compound 0.855 and voikko 0.847; fused with dense retrieval (z-score, lexical weight
0.25) lemma_compound gave 0.920, voikko 0.918, lemma 0.914 and snowball 0.913. The
permissive analyzer is at least as good as the GPL one, analyses new words 35-70x faster
(46,000 against 670 words/s on a quiet machine; both are cached per word) and keeps GPL
off the default install, so Voikko is only an optional extra. Snowball stems on top of
the lemmas did not help the fusion, so the terms stay readable lemmas. simplemma's Finnish
dictionary is read from an on-disk copy (ingest/lexicon.py, written once per machine), so no
process pays the ~5 s and ~400 MB of loading it whole.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Container, Iterable
from typing import Any, Protocol, runtime_checkable

from ingest.errors import ConfigError
from ingest.inflection import sibling_lemma
from ingest.lexicon import Lexicon, LexiconDictionaryFactory, finnish_lexicon
from ingest.tokens import ABBREVIATIONS, STOPWORDS, tokens

log = logging.getLogger(__name__)

DEFAULT_ANALYZER = "lemma_compound"
ANALYZER_NAMES: tuple[str, ...] = ("plain", "snowball", "lemma", "lemma_compound", "voikko")


CACHE_WORDS = 500_000  # analysed words kept per analyzer
_MIN_PART = 3  # shortest compound part
_MIN_SPLIT = 7  # shortest lemma we try to split
# Forms whose dictionary lemma is the rarer reading in public documents: "vuoteen 2035 mennessä"
# is the illative of "vuosi", not the genitive of "vuode" (bed)
_PREFERRED = {"vuoteen": "vuosi"}


class Analyzer(Protocol):
    """Turns text into index terms; the same analyzer must serve documents and questions."""

    name: str

    def terms(self, text: str) -> list[str]: ...


@runtime_checkable
class WordChecker(Protocol):
    """An analyzer that can tell a dictionary word from a misspelling."""

    def is_word(self, surface: str) -> bool: ...


class _CachedAnalyzer:
    """Shared tokenising and per-word caching; subclasses implement :meth:`_word`."""

    name = "plain"

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, ...]] = {}

    def terms(self, text: str) -> list[str]:
        out: list[str] = []
        for kind, surface in tokens(text):
            if kind != "word":
                term = surface.lower()
                if term not in STOPWORDS:
                    out.append(term)
                continue
            if surface.isupper():  # a heading in capitals: "HAKUAIKA" -> "Hakuaika"
                surface = surface.capitalize()
            cached = self._cache.get(surface)
            if cached is None:
                # a stopword as written ("noilla") is dropped before the dictionary reads it as
                # another word's form ("noki", soot)
                cached = (
                    ()
                    if surface.lower() in STOPWORDS
                    else tuple(t for t in self._word(surface) if t not in STOPWORDS)
                )
                if len(self._cache) >= CACHE_WORDS:  # bounded: a long-running app sees new words
                    self._cache.clear()
                self._cache[surface] = cached
            out.extend(cached)
        return out

    def _word(self, surface: str) -> Iterable[str]:
        return (surface.lower(),)


class PlainAnalyzer(_CachedAnalyzer):
    """Lowercase word tokens."""

    name = "plain"


class SnowballAnalyzer(_CachedAnalyzer):
    """Snowball Finnish stems (PyStemmer)."""

    name = "snowball"

    def __init__(self) -> None:
        super().__init__()
        stemmer = _require("Stemmer", "PyStemmer").Stemmer("finnish")
        self._stem: Callable[[str], str] = stemmer.stemWord

    def _word(self, surface: str) -> Iterable[str]:
        return (self._stem(surface.lower()),)


class LemmaAnalyzer(_CachedAnalyzer):
    """simplemma lemmas, looked up with the original case first ("Porin" -> pori)."""

    name = "lemma"

    def __init__(self) -> None:
        super().__init__()
        _require("simplemma", "simplemma")
        self._lemmatizer: Any = None

    def _lemma(self, surface: str) -> str:
        lower = surface.lower()
        if len(lower) <= 2 or lower in ABBREVIATIONS:  # "puh." is not a form of "puuh"
            return lower
        if lower in _PREFERRED:
            return _PREFERRED[lower]
        if self._lemmatizer is None:
            self._lemmatizer = _lemmatizer()
        return str(self._lemmatizer.lemmatize(surface, lang="fi")).lower()

    def _word(self, surface: str) -> Iterable[str]:
        return (self._lemma(surface),)


class CompoundAnalyzer(LemmaAnalyzer):
    """Lemma plus compound parts from a DP split over known lemmas (all permissive licences)."""

    name = "lemma_compound"

    def __init__(self, vocabulary: Iterable[str] = ()) -> None:
        super().__init__()
        self._extra = {w.lower() for w in vocabulary}
        self._known: Container[str] | None = None
        self._forms: Callable[[str], str | None] | None = None  # dictionary, then paradigm
        self._lexicon_form: Callable[[str], str | None] = lambda word: None

    def _load(self) -> tuple[Container[str], Callable[[str], str | None]]:
        if self._known is None or self._forms is None:
            lexicon = finnish_lexicon()
            self._known = _KnownLemmas(lexicon, frozenset(self._extra))
            self._lexicon_form = lexicon.form
            self._forms = lambda word: lexicon.form(word) or sibling_lemma(word, lexicon.form)
        return self._known, self._forms

    def _word(self, surface: str) -> Iterable[str]:
        known, _ = self._load()
        lower = surface.lower()
        if (
            self._lexicon_form(lower) == lower
            and lower not in self._extra
            and self._lemma(surface) == lower
        ):
            # listed as its own lemma, yet maybe an inflected form ("hausta", elative of haku)
            sibling = sibling_lemma(lower, self._lexicon_form, min_agree=2)
            if sibling is not None:
                return (sibling, *self.split(sibling))
        if self._lexicon_form(surface) is None and self._lexicon_form(lower) is None:
            # Unknown to the dictionary: simplemma guesses ("rahoitushaku" -> rahoitus), so
            # first try a form of the same paradigm ("hausta" -> haussa -> haku), then a
            # compound whose last piece is an inflected word ("rahoitushausta" -> haku).
            sibling = sibling_lemma(lower, self._lexicon_form)
            if sibling is not None and sibling in known:
                return (sibling, *self.split(sibling))
            pieces = self._segment(lower, inflected_head=True)
            if pieces:
                head_piece, head = pieces[-1]
                lemma = lower[: len(lower) - len(head_piece)] + head
                return (lemma, *self._parts(lemma, pieces))
        lemma = self._lemma(surface)
        return (lemma, *self.split(lemma))

    def is_word(self, surface: str) -> bool:
        """Whether the dictionary knows ``surface`` as a form of some word ("kestää"; not "rahotus")."""
        self._load()
        return self._lexicon_form(surface.lower()) is not None

    def split(self, lemma: str) -> list[str]:
        """Compound parts of a lowercase lemma (empty when it is not a compound we know)."""
        pieces = self._segment(lemma, inflected_head=False)
        return self._parts(lemma, pieces) if pieces else []

    @staticmethod
    def _parts(lemma: str, pieces: list[tuple[str, str]]) -> list[str]:
        """Part lemmas, plus the modifier of a 3+ part compound ("kiertotalous|hanke")."""
        parts = [part for _, part in pieces]
        if len(pieces) >= 3:
            parts.append(lemma[: len(lemma) - len(parts[-1])])
        return list(dict.fromkeys(p for p in parts if p != lemma))

    def _segment(self, word: str, inflected_head: bool) -> list[tuple[str, str]] | None:
        """(piece, lemma) pairs of the best split into 2+ known words, or None."""
        if len(word) < _MIN_SPLIT or not word.isalpha():
            return None
        known, forms = self._load()
        n = len(word)
        # best[i] = (number of pieces, -shortest piece, pieces) for word[:i]:
        # fewest pieces first, then the split whose shortest piece is longest
        best: list[tuple[int, int, tuple[tuple[str, str], ...]] | None] = [None] * (n + 1)
        best[0] = (0, -n, ())
        for i in range(_MIN_PART, n + 1):
            head = i == n
            for j in range(0, i - _MIN_PART + 1):
                prev = best[j]
                if prev is None or (j == 0 and head):
                    continue
                piece = word[j:i]
                part = _part_lemma(piece, known, forms, head, inflected_head)
                if part is None:
                    continue
                cand = (prev[0] + 1, max(prev[1], -len(piece)), (*prev[2], (piece, part)))
                cur = best[i]
                if cur is None or cand[:2] < cur[:2]:
                    best[i] = cand
        found = best[n]
        return list(found[2]) if found is not None and found[0] >= 2 else None


def _part_lemma(
    piece: str,
    known: Container[str],
    forms: Callable[[str], str | None],
    head: bool,
    inflected_head: bool = False,
) -> str | None:
    """The lemma a compound piece stands for, or None when the piece is not a word."""
    if piece in known:
        return piece
    if head and not inflected_head:
        return None
    if head or (piece.endswith("n") and len(piece) > _MIN_PART + 1):
        base = forms(piece)  # "hakuun" -> haku; a genitive modifier: "kaupungin" -> kaupunki
        if base is not None and base in known:
            return base
    return None


class VoikkoAnalyzer(_CachedAnalyzer):
    """Voikko base form plus compound parts (pyvoikko, GPL-3.0; optional)."""

    name = "voikko"

    def __init__(self) -> None:
        super().__init__()
        self._voikko = _require("pyvoikko", "pyvoikko", extra=" (GPL-3.0, optional)")

    def _word(self, surface: str) -> Iterable[str]:
        analyses = self._voikko.analyse(surface) or self._voikko.analyse(surface.lower())
        if not analyses:
            return (surface.lower(),)
        first = analyses[0]
        out = [str(first.BASEFORM).lower()]
        for part in first.COMPOUND_PARTS or ():
            base = str(part.BASEFORM).lower()
            if len(base) >= _MIN_PART and part.CLASS != "etuliite":
                out.append(base)
        return dict.fromkeys(out)


def _require(module: str, package: str, extra: str = "") -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ConfigError(
            f"The Finnish analyzer needs the package {package!r}{extra}. "
            f"Install it with: pip install {package}"
        ) from None


class _KnownLemmas:
    """Lemmas of the on-disk lexicon plus an extra vocabulary, for ``in`` tests."""

    def __init__(self, lexicon: Lexicon, extra: frozenset[str]) -> None:
        self._lexicon = lexicon
        self._extra = extra

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self._extra or self._lexicon.is_lemma(word))


def _lemmatizer() -> Any:
    """simplemma's own lemmatizer over the on-disk Finnish lexicon (see ingest/lexicon.py)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    factory = LexiconDictionaryFactory(finnish_lexicon())
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


def make_analyzer(name: str = DEFAULT_ANALYZER, vocabulary: Iterable[str] = ()) -> Analyzer:
    """An analyzer by name (see the module docstring); ``vocabulary`` only helps ``lemma_compound``."""
    factories: dict[str, Callable[[], Analyzer]] = {
        "plain": PlainAnalyzer,
        "snowball": SnowballAnalyzer,
        "lemma": LemmaAnalyzer,
        "lemma_compound": lambda: CompoundAnalyzer(vocabulary),
        "voikko": VoikkoAnalyzer,
    }
    factory = factories.get(name)
    if factory is None:
        raise ConfigError(f"Unknown analyzer {name!r}. Choose one of: {', '.join(ANALYZER_NAMES)}.")
    return factory()
