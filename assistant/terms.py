"""Question words, their weights (IDF over the indexed chunks) and how well a sentence covers them.

Coverage is counted per question *word*: a word is covered when its lemma occurs in the sentence
(or its section heading), partly when only some of its compound parts occur, and a little when a
sentence word shares a long prefix with it. Misspelt words are first mapped to the closest corpus
term (one edit away), so "rahotus" still counts as "rahoitus".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from assistant.context import split_context
from assistant.kinds import asked_kinds, frames_kind
from assistant.ordinals import NUMBER_PREFIX
from assistant.termstats import TermStats, one_edit
from assistant.wordlists import (
    ANSWER_TYPE_HEADS,
    CARDINALS,
    COLLOQUIAL,
    DISCOURSE_WORDS,
    QUESTION_WORDS,
    SAME_MEANING,
    SURFACE_SYNONYMS,
    VAGUE_HEADS,
)
from ingest.finnish import Analyzer, WordChecker

__all__ = [
    "QUESTION_WORDS",
    "QWord",
    "TermStats",
    "asks_for_kind",
    "counted",
    "coverage",
    "is_specific",
    "match",
    "names_answer_kind",
    "one_edit",
    "question_words",
    "unknown_concepts",
    "word_credit",
]

_TOKEN = re.compile(r"[\w@.+-]+(?::[^\W\d_]{1,4}\b)?")  # original case ("Porin" -> pori); "pdf:nä"
_PREFIX = 5
_PREFIX_CREDIT = 0.6
_HALF = 0.5
# endings of Finnish participles ("laskettu", "tehty", "haettava", "osallistunut")
_PARTICIPLE = ("ttu", "tty", "ttava", "ttävä", "nut", "nyt")
BACKGROUND_IDF = math.log(3.0)
CONTEXT_WEIGHT = 0.25


@dataclass(frozen=True)
class QWord:
    """One content word of a question: its lemma, compound parts and weight."""

    surface: str
    lemma: str
    parts: tuple[str, ...]
    weight: float
    known: bool = True  # the lemma itself occurs in the corpus
    context: bool = False  # only a context sentence of the question has it (see question_words)
    attribute: bool = False  # what "Mikä on X:n <attribute>?" asks for (see question_words)

    @property
    def head(self) -> str:
        """The last compound part, which the lemma ends with ("kokonaiskustannus" -> kustannus:
        the parts of a compound of three or more end with its modifier, "kokonais"); "" when
        the word is no compound."""
        return (
            next((p for p in reversed(self.parts) if self.lemma.endswith(p)), self.parts[-1])
            if self.parts
            else ""
        )


def _terms(surface: str, analyzer: Analyzer, stats: TermStats) -> list[str]:
    # "kakkoslinjalla": the ordinal is a constraint of its own (assistant.ordinals), the word
    # is its head
    surface = NUMBER_PREFIX.sub("", surface)
    synonym = _surface_synonyms().get(surface.lower())  # "vuodesa" is "vuodessa", not "vuode"
    if synonym is not None:
        return [synonym]
    terms = [t for t in analyzer.terms(surface) if t not in QUESTION_WORDS]
    if terms and surface.isalpha() and surface.islower():  # "porin" typed in lowercase
        alt = [t for t in analyzer.terms(surface.capitalize()) if t not in QUESTION_WORDS]
        if alt and stats.df.get(alt[0], 0) > stats.df.get(terms[0], 0):
            return alt
    return terms


# a demonstrative and the noun it points at, in the same case ("sillä alalla", "tästä
# hankkeesta"), with up to two genitive modifiers between them that describe the thing pointed at
# ("siinä kesän haussa"); a nominative "se" is mostly a subject ("koska se loppuu"), and so is
# left alone
_MODIFIERS = r"((?:[a-zåäö]+n\s+){0,2})"
_POINTED = re.compile(
    rf"\b(?:sillä|tällä|tuolla)\s+{_MODIFIERS}([a-zåäö]+ll[aä])\b|"
    rf"\b(?:siinä|tässä|tuossa)\s+{_MODIFIERS}([a-zåäö]+ss[aä])\b|"
    rf"\b(?:siitä|tästä|tuosta)\s+{_MODIFIERS}([a-zåäö]+st[aä])\b|"
    r"\b(?:siihen|tähän|tuohon)\s+([a-zåäö]+n)\b",
    re.IGNORECASE,
)


def question_words(text: str, analyzer: Analyzer, stats: TermStats) -> list[QWord]:
    """The content words of a question with their weights (repeats counted once).

    A word the corpus never uses is kept only when it is a compound ("kaupunginjohtaja"): its
    absence says the corpus lacks the concept. Other unknown words (colloquial or rare verbs)
    are marked unknown and left out of coverage. In a long question with context sentences
    ("Hei, täällä asiakaspalvelusta. Asiakas soitti ... Pitääkö tämä paikkansa?"), the words
    only the context sentences have weigh :data:`CONTEXT_WEIGHT` of their usual weight and name
    no unknown concept: the question sentence says what the answer must cover.
    """
    out: dict[str, QWord] = {}
    asked, context = split_context(text)
    asked_words = _words(asked, analyzer, stats)
    if context and not any(counted(w) for w in asked_words):
        # "... kuuluuko tällainen toisen haun painotuksiin? Mitä vastaan?": the asking sentence
        # names nothing, so the context says what is asked
        asked_words, context = _words(text, analyzer, stats), ""
    asked_words = _mark_attribute(asked, _without_list_size(asked, asked_words))
    asked_words = _applying_as_call(asked, asked_words)
    # "sillä alalla", "siinä kesän haussa": the noun points back to what was named before, like a
    # pronoun; it and its modifiers weigh as context
    pointed = {w for m in _POINTED.finditer(asked) for g in m.groups() if g for w in g.split()}
    if any(counted(w) and w.surface not in pointed for w in asked_words):
        asked_words = [
            replace(w, weight=w.weight * CONTEXT_WEIGHT, context=True)
            if w.surface in pointed
            else w
            for w in asked_words
        ]
    for part, is_context in ((asked_words, False), (_words(context, analyzer, stats), True)):
        for word in part:
            if word.lemma not in out:
                out[word.lemma] = (
                    replace(word, weight=word.weight * CONTEXT_WEIGHT, context=True)
                    if is_context
                    else word
                )
    return list(out.values())


# asked when, applying is the call: "milloin siihen pystyi hakemaan?", "mistä lähtien
# hakemuksia sai jättää?" ask when the call ("haku") was open
_WHEN_APPLYING = "haku"
_APPLYING = (("hakea",), ("jättää", "hakemus"))


def _applying_as_call(asked: str, qwords: list[QWord]) -> list[QWord]:
    """The question words with applying read as the call, when the question asks when (a
    question about the application itself, "kuinka pitkänä hakemus piti jättää?", is not)."""
    if "date" not in asked_kinds(asked):
        return qwords
    lemmas = {w.lemma for w in qwords}
    phrase = next((p for p in _APPLYING if lemmas.issuperset(p)), None)
    if phrase is None or _WHEN_APPLYING in lemmas:
        return qwords
    first, rest = phrase[0], set(phrase[1:])
    return [
        replace(w, lemma=_WHEN_APPLYING, parts=()) if w.lemma == first else w
        for w in qwords
        if w.lemma not in rest
    ]


# "Mikä on Kasvun ekosysteemi -hankkeen tavoite?": the last word names what is asked
# and "Mihin Kasvun ekosysteemi -hanke pyrkii?" its verb ("pyrkiä" reads as "tavoite")
_ASKS_ATTRIBUTE = re.compile(
    # ("Mihin kahteen teemaan ... liittyvät?" asks which two things, like "Mitkä kaksi")
    r"^\s*(?:(?:mikä|mitkä|mitä)\s+(?:on|oli|ovat|olivat)|"
    r"mihin(?!\s+(?:kahteen|kolmeen|neljään|viiteen|kuuteen)\b))\b"
    r".*\s(?P<last>[\wåäö-]+)\s*\?\s*$",
    re.IGNORECASE,
)


# "Mitkä kolme asiaa ...?": the number says how many things the answer lists, which it names
# rather than counts ("... ovat TKI-toiminnan kasvattaminen, uudet investoinnit ja ...")
_LIST_SIZE = re.compile(
    rf"\b(?:mitkä|mitä|ketkä)\s+(?:[\wåäö-]+\s+)?(?P<size>{'|'.join(CARDINALS)})\b",
    re.IGNORECASE,
)


def _without_list_size(asked: str, words: list[QWord]) -> list[QWord]:
    sizes = {m.group("size") for m in _LIST_SIZE.finditer(asked)}
    return [w for w in words if w.surface not in sizes]


def _mark_attribute(asked: str, words: list[QWord]) -> list[QWord]:
    """The words with the asked attribute ("... tavoite?") marked, when it is a corpus word;
    or the verb that says what the asked one does ("Mikä organisaatio välittää ...?")."""
    match = _ASKS_ATTRIBUTE.match(asked)
    if match is not None:
        last = match.group("last")
        return [replace(w, attribute=True) if w.surface == last and w.known else w for w in words]
    doer = _ASKS_DOER.match(asked)
    if doer is None:
        return words
    by_surface = {w.surface: w for w in words}
    verb = next(
        (
            w
            for w in (by_surface.get(doer.group(g) or "") for g in ("first", "second"))
            if w is not None and w.known and _INFINITIVE.search(w.lemma)
        ),
        None,
    )
    return [replace(w, attribute=True) if w is verb else w for w in words]


# "Mikä organisaatio välittää ...?", "Kuka toteuttaa ...?": who does what the verb says
_ASKS_DOER = re.compile(
    r"^\s*(?:mikä|mitkä|kuka|ketkä)\s+(?P<first>[\wåäö]+)(?:\s+(?P<second>[\wåäö]+))?",
    re.IGNORECASE,
)
_INFINITIVE = re.compile(r"(?:[aä][aä]|[dt][aä])$")


# a light verb that is content in a fixed phrase: "tulla voimaan" is what "tulee voimaan, kun
# ..." answers ("tulla" alone is no content word)
_PHRASE_VERB = re.compile(r"\b(tul\w*)\s+(?:\w+\s+){0,2}voimaan\b", re.IGNORECASE)
# "Mitä haussa nostettiin esiin?", "tuotiin esille": what a call emphasised, the documents'
# "painotus"
_EMPHASIS = re.compile(
    r"\b(nost\w*|tuo\w*|toi\w*)\s+(?:[\wåäö]+\s+){0,2}(?:esiin|esille)\b", re.IGNORECASE
)


# "Mitä toimintalinjaan 2 kuuluu?" asks what it contains: the documents list a thing's
# "sisältöjä" ("kuuluu" elsewhere says who is a member: "Imatra kuuluu sopimukseen")
_CONTENTS = re.compile(
    r"(?:^|[.?!]\s+)(?:no\s+|ja\s+|entä\s+)?mitä\b[^.?!]*?\b(kuulu(?:u|vat|i|ivat))\b",
    re.IGNORECASE,
)


# phrases whose verb stands for a word of the documents
_PHRASE_LEMMAS = ((_CONTENTS, "sisältö"), (_EMPHASIS, "painotus"))


def _words(text: str, analyzer: Analyzer, stats: TermStats) -> list[QWord]:
    out: dict[str, QWord] = {}
    phrase_verbs = {m.group(1).lower() for m in _PHRASE_VERB.finditer(text)}
    phrased = {
        m.group(1).lower(): lemma
        for pattern, lemma in _PHRASE_LEMMAS
        for m in pattern.finditer(text)
    }
    for surface in _TOKEN.findall(text):
        in_phrase = surface.lower() in phrase_verbs
        terms = list(analyzer.terms(surface)) if in_phrase else _terms(surface, analyzer, stats)
        if not terms or (surface.lower() in QUESTION_WORDS and not in_phrase):
            continue
        if surface.lower() in DISCOURSE_WORDS:  # "aikanaan": frames the question, names nothing
            continue
        lemma, parts = terms[0], tuple(terms[1:])
        if surface.lower() in phrased:
            lemma, parts = phrased[surface.lower()], ()
        if lemma in COLLOQUIAL:  # the documents' word, not the parts of the asker's
            lemma, parts = COLLOQUIAL[lemma], ()
        # the compound's head: the part it ends with (the analyzer may list the modifier last:
        # "ekosysteemisopimussivusto" -> ..., "sivusto", "ekosysteemisopimus")
        tail = max((p for p in parts if p != lemma and lemma.endswith(p)), key=len, default="")
        if tail in COLLOQUIAL and lemma not in stats.df:
            # a colloquial head of a compound the corpus lacks: "robotiikkafirma" ->
            # robotiikkayritys (but "ekosysteemi" is a corpus word)
            head = COLLOQUIAL[tail]
            lemma = lemma[: -len(tail)] + head
            parts = (*(p for p in parts if p != tail), head)
        vague = tail or (parts[-1] if parts else "")
        if vague in VAGUE_HEADS and lemma not in stats.df:
            # "rahapotti": rahoitus; "kiertotalousporukka": kiertotalous (the analyzer may list
            # the parts of the modifier first)
            modifier = lemma[: -len(vague)] if lemma.endswith(vague) else parts[0]
            lemma, parts = COLLOQUIAL.get(modifier, modifier), ()
        bare = [] if lemma in stats.df else _without_possessive(surface, analyzer, stats)
        if bare and bare[0] != lemma:  # "tavoitteikseen", "suuruusluokaltaan"
            lemma, parts = bare[0], tuple(bare[1:])
        if lemma not in stats.df:
            # a misspelling is mapped to the closest corpus term, but a dictionary word the
            # corpus lacks is no misspelling ("kestää" is not "kestävä")
            typo = not _is_word(analyzer, surface)
            fixed = (
                stats.stem(lemma)
                or _verb_of_participle(surface, stats)
                or _verb_of_action(lemma, stats)
                or _verb_of_infinitive(surface, stats)
                or _adjective_of(surface, stats)
                or (stats.closest(lemma) if typo else None)
            )
            if fixed is None and typo:
                # a misspelt inflected form the analyzer cannot read ("painotetiin"): the corpus
                # has the form itself ("painotettiin"), and its lemma
                near = stats.closest(surface.lower())
                lemmas = [t for t in analyzer.terms(near) if t in stats.df] if near else []
                fixed = lemmas[0] if lemmas else _geminated(surface.lower(), analyzer, stats)
            compound = _misspelt_head(lemma, analyzer, stats) if fixed is None and typo else None
            if compound:  # "päätavotteet": a compound whose head is misspelt
                lemma, parts = compound[0], tuple(compound[1:])
            elif fixed is not None:
                lemma, parts = fixed, ()
        if lemma in stats.df or not parts:
            weight = stats.idf(lemma)
        else:
            weight = sum(stats.idf(p) for p in parts) / len(parts)
        if lemma not in out:
            out[lemma] = QWord(surface, lemma, parts, weight, known=lemma in stats.df)
    return list(out.values())


# past participles and the verb they are made of: "valinnut" -> valita, "toteuttanut" ->
# toteuttaa, "hyväksyneet" -> hyväksyä, "tullut" -> tulla
_PARTICIPLE_ENDINGS = (
    ("nnut", ("ta",)),
    ("nnyt", ("tä",)),
    ("nneet", ("ta", "tä")),
    ("llut", ("lla",)),
    ("llyt", ("llä",)),
    ("nut", ("a",)),
    ("nyt", ("ä",)),
    ("neet", ("a", "ä")),
)


def _verb_of_participle(surface: str, stats: TermStats) -> str | None:
    """The corpus verb a past participle the analyzer left alone is made of, or None."""
    low = surface.lower()
    for ending, bases in _PARTICIPLE_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            for base in bases:
                verb = low[: -len(ending)] + base
                if verb in stats.df:
                    return verb
    return None


def _verb_of_action(lemma: str, stats: TermStats) -> str | None:
    """The corpus verb an action noun is made of ("välittäminen" -> välittää), or None."""
    stem = verb_stem(lemma) if lemma.endswith("minen") else None
    if stem is None:
        return None
    verb = stem + stem[-1]
    return verb if verb in stats.df else None


# the third infinitive ("jättämään hakemuksia", "hakemassa"), which the analyzer may read as
# the agent participle ("jättämä"): its stem and the verb's last vowel
_INFINITIVE_ENDINGS = ("maan", "mään", "massa", "mässä", "masta", "mästä", "matta", "mättä")


def _verb_of_infinitive(surface: str, stats: TermStats) -> str | None:
    """The corpus verb of a third-infinitive form ("jättämään" -> jättää), or None."""
    low = surface.lower()
    ending = next((e for e in _INFINITIVE_ENDINGS if low.endswith(e)), None)
    if ending is None or len(low) < len(ending) + 3:
        return None
    stem = low[: -len(ending)]
    verb = stem + ending[1]
    return verb if verb in stats.df else None


def _adjective_of(surface: str, stats: TermStats) -> str | None:
    """The corpus adjective an adverb is made of ("ensisijaisesti" -> ensisijainen, "nopeasti"
    -> nopea), or None."""
    low = surface.lower()
    for ending, base in (("isesti", "inen"), ("sti", "")):
        if low.endswith(ending) and len(low) > len(ending) + 3:
            adjective = low[: -len(ending)] + base
            if adjective in stats.df:
                return adjective
    return None


@cache
def _surface_synonyms() -> dict[str, str]:
    """:data:`SURFACE_SYNONYMS` with the gemination slips of their forms ("vuodesa" for
    "vuodessa"), built once, so that a question word is looked up rather than varied."""
    out: dict[str, str] = {}
    for form, synonym in SURFACE_SYNONYMS.items():
        # a word whose slips include the form: one doubled letter more or less, anywhere
        near = [form[:i] + form[i] + form[i:] for i in range(len(form))]
        near += [form[:i] + form[i + 1 :] for i in range(1, len(form)) if form[i] == form[i - 1]]
        for word in near:
            if form in _gemination_slips(word):
                out.setdefault(word, synonym)
    return {**out, **SURFACE_SYNONYMS}  # a form itself reads as its own synonym


def _gemination_slips(surface: str) -> list[str]:
    """The forms a word typed with one letter too few or too many of a double may stand for
    ("vuodesa" -> vuodessa, "rahoittusta" -> rahoitusta): a common Finnish slip."""
    if len(surface) < 5 or not surface.isalpha():
        return []
    doubled = [surface[: i + 1] + surface[i:] for i in range(1, len(surface))]
    single = [
        surface[:i] + surface[i + 1 :]
        for i in range(1, len(surface))
        if surface[i] == surface[i - 1]
    ]
    return doubled + single


def _misspelt_head(lemma: str, analyzer: Analyzer, stats: TermStats) -> list[str]:
    """The terms of a compound whose head is one edit from a corpus term ("päätavote" ->
    päätavoite, pää, tavoite), or [] when no head is."""
    for i in range(3, len(lemma) - 4):
        head = stats.closest(lemma[i:])
        if head is not None:
            terms = analyzer.terms(lemma[:i] + head)
            if terms and head in terms[1:]:
                return terms
    return []


# possessive suffixes and what the case ending before them was ("tavoitteikseen" is
# "tavoitteiksi" + -en, "suuruusluokaltaan" "suuruusluokalta" + -an); the analyzer reads the
# bare forms but not these
_POSSESSIVE = re.compile(
    r"(?:(?P<trans>kse)(?:en|nsa|nsä|mme|nne|ni|si)"
    r"|(?P<long>[aeiouyäö])(?P=long)n|(?:nsa|nsä|mme|nne))$"
)


def _without_possessive(surface: str, analyzer: Analyzer, stats: TermStats) -> list[str]:
    """The terms of a word with a possessive suffix the analyzer cannot read ("tavoitteikseen"
    -> tavoite), or [] when there is no suffix or the bare form is no word either."""
    surface = surface.lower()
    match = _POSSESSIVE.search(surface)
    if match is None or match.start() < 4:
        return []
    if _is_word(analyzer, surface):
        return []  # "itsehallintoalueen": a genitive the analyzer reads
    stem = surface[: match.start()]
    if match.group("trans"):
        bare = stem + "ksi"
    elif match.group("long"):
        bare = stem + match.group("long")
    else:
        bare = stem
    terms = analyzer.terms(bare)
    if not terms:
        return []
    if terms[0] in stats.df or _is_word(analyzer, bare):
        return terms
    return []


def _is_word(analyzer: Analyzer, surface: str) -> bool:
    """Whether the analyzer's dictionary knows the form (False when it has no dictionary)."""
    return isinstance(analyzer, WordChecker) and analyzer.is_word(surface)


def _geminated(surface: str, analyzer: Analyzer, stats: TermStats) -> str | None:
    """The corpus lemma of a gemination slip (see :func:`_gemination_slips`) that the corpus's
    own surface forms do not show."""
    for variant in _gemination_slips(surface):
        lemma = next(iter(analyzer.terms(variant)), None)
        if lemma is not None and lemma in stats.df and lemma not in QUESTION_WORDS:
            return lemma
    return None


def word_credit(word: QWord, terms: frozenset[str]) -> float:
    """How much of one question word a set of sentence terms covers (0..1)."""
    if word.lemma in terms:
        return 1.0
    if SAME_MEANING.get(word.lemma, "") in terms:
        return _HALF  # the same thing said with another word: covered, but the word wins
    if word.parts:
        share = sum(p in terms for p in word.parts) / len(word.parts)
        if share:
            # a compound the corpus never uses: all of its parts are needed ("kaupunginjohtaja"
            # is not covered by "kaupunki" alone)
            return share if word.known or share == 1.0 else share * 0.5
    if len(word.lemma) >= 4 and any(
        len(t) >= len(word.lemma) + 3 and t.endswith(word.lemma) for t in terms
    ):
        return 1.0  # the head of a compound: "haku" in "rahoitushaku"
    stem = verb_stem(word.lemma)
    if stem is not None and any(verb_stem(t) == stem for t in terms):
        return 1.0  # one verb's forms: "toteuttavia" hankkeita, "toteuttajina" hankkeissa
    if stem is not None and word.surface.lower().endswith("iin") and _action_noun(stem) in terms:
        # "Mitä haussa painotettiin?" asks what was emphasised: "kolme painotusta" (a
        # participle, "rahoittama hanke", only describes)
        return 1.0
    if len(word.lemma) >= _PREFIX + 1:
        head = word.lemma[:_PREFIX]
        if any(t.startswith(head) for t in terms):
            return _PREFIX_CREDIT
    return 0.0


def _action_noun(stem: str) -> str:
    """The action noun of a verb with a double consonant ("painotta" -> painotus, "välittä" ->
    välitys), or "" for other stems."""
    if len(stem) < 3 or stem[-3] != stem[-2] or stem[-2] not in "tkp":
        return ""
    return stem[:-2] + ("us" if stem[-1] == "a" else "ys")


# "toteuttaa", "toteuttaja", "toteuttava"; and the action noun "välittäminen"
_VERB_FORM = re.compile(r"(?:(?<=[aä])[aä]|j[aä]|v[aäi]|(?<=[aä])minen)$")
_MIN_STEM = 6


@lru_cache(maxsize=4096)
def verb_stem(lemma: str) -> str | None:
    """The stem shared by a verb and the nouns and participles made of it (toteuttaa,
    toteuttaja, toteuttava, toteuttaminen -> "toteutta"), or None for other words and short
    stems."""
    match = _VERB_FORM.search(lemma)
    if match is None or match.start() < _MIN_STEM:
        return None
    return lemma[: match.start()]


def unknown_concepts(
    qwords: list[QWord],
    stats: TermStats,
    analyzer: Analyzer,
    owners: frozenset[str] = frozenset(),
) -> list[QWord]:
    """Compounds the corpus never uses whose head it does not know either ("kaupunginjohtaja").

    Such a word names something the documents do not talk about. The head counts as known when
    the corpus has it (or a compound ending in it) in any form the analyzer or the case-ending
    stripper finds ("aloilleen" -> ala). A word that only frames the question is no concept: a
    known word with a head naming the kind of answer wanted ("yhteyshenkilö", "päivämäärä"; the
    kinds themselves are checked by :mod:`assistant.kinds`), or a discourse adverb ("aikanaan").

    A simple word counts too when it owns the contact detail asked (``owners``, the genitives
    before it: "pormestarin puhelinnumero"): the documents give no one's number under that name;
    and when it is the role asked of someone ("Kuka on SAMKin rehtori?").
    Simple unknown words elsewhere are usually colloquial verbs or rare synonyms, not concepts.
    """

    def head_known(head: str) -> bool:
        forms = {head, *analyzer.terms(head)}
        if any(stats.known_suffix(f) or stats.stem(f) for f in forms):
            return True
        # an inflected head the analyzer left alone ("aloilleen" in "kasvualoilleen")
        return len(head) >= 8 and any(head[:-2] in t for t in stats.df)

    def framing(word: QWord) -> bool:
        # "vuodenaika", "yhteyshenkilö": a known word with a head naming the answer's kind; and
        # possessive adverbs the analyzer splits (those listed, "aikanaan", never become
        # question words)
        surface = word.surface.lower()
        if surface.endswith(("naan", "nään")) and word.lemma == surface:
            return True
        if word.head.endswith(_PARTICIPLE):
            return True  # "yhteenlaskettu": a compound participle describes, it names nothing
        if word.lemma in ANSWER_TYPE_HEADS:
            return True  # "aikataulu": a compound that itself names the kind of answer
        if any(
            word.lemma.startswith(t) and word.lemma[len(t) :] in ANSWER_TYPE_HEADS
            for t in TOTAL_PREFIXES
        ):
            return True  # "kokonaismäärä" (whatever parts the analyzer finds in it)
        if word.head not in ANSWER_TYPE_HEADS:
            return False
        if "person" in asked_kinds(word.surface):
            # "virkanimike": the compound asks for a person's title ("aukioloaika" asks for a
            # time, but its modifier names what is open: a concept of its own)
            return True
        return all(
            p in ANSWER_TYPE_HEADS or stats.known_suffix(p) or stats.stem(p) or _action_of(p, stats)
            for p in word.parts[:-1]
        )

    return [
        w
        for w in qwords
        if not w.known
        and not w.context
        and (len(w.parts) >= 2 or _owner(w, owners))
        and not head_known(w.head or w.lemma)
        and not framing(w)
    ]


# "kokonaismäärä", "yhteissumma": the whole of a kind of answer, no new concept
TOTAL_PREFIXES = frozenset({"kokonais", "yhteis"})
_ACTION_NOUN = ("us", "ys")
_MIN_ACTION_STEM = 6


def _action_of(part: str, stats: TermStats) -> bool:
    """Whether a modifier is the action noun of a verb the corpus uses ("allekirjoitus" in
    "allekirjoituspäivä": the documents say "allekirjoitettiin")."""
    stem = part[: -len(_ACTION_NOUN[0])]
    return (
        part.endswith(_ACTION_NOUN)
        and len(stem) >= _MIN_ACTION_STEM
        and any(t.startswith(stem) for t in stats.df)
    )


def _owner(word: QWord, owners: frozenset[str]) -> bool:
    """Whether a lower-case word is the genitive owning a contact detail (not a name: a
    misspelt name is still a name)."""
    return word.surface[:1].islower() and word.surface.lower() in owners


def counted(word: QWord) -> bool:
    """Whether a word counts for coverage (unknown simple words and participles do not)."""
    return word.known or bool(word.parts and not word.head.endswith(_PARTICIPLE))


def coverage(qwords: list[QWord], terms: frozenset[str]) -> float:
    """Weighted share of the question's content words that ``terms`` cover (1.0 when none)."""
    return match(qwords, terms)[0]


def names_answer_kind(word: QWord) -> bool:
    """Whether a word only names the kind of answer wanted ("yhteyshenkilö", "päivämäärä")."""
    return word.lemma in ANSWER_TYPE_HEADS or bool(word.parts and word.head in ANSWER_TYPE_HEADS)


def asks_for_kind(word: QWord, kinds: frozenset[str]) -> bool:
    """Whether a word only asks for one of ``kinds`` of answer: it names the kind ("titteli",
    "tehtävänimike") or is what asks for it ("soittaa"); see :func:`assistant.kinds.frames_kind`."""
    return bool(kinds) and (names_answer_kind(word) or frames_kind(word.surface, kinds))


def match(
    qwords: list[QWord], terms: frozenset[str], given: frozenset[str] = frozenset()
) -> tuple[float, frozenset[str]]:
    """:func:`coverage`, and the lemmas of the counted words ``terms`` cover at least half.

    ``given`` are the kinds of answer the question asks for that the sentence gives. Then the
    words that only name such a kind count as covered: "Mikä on yhteyshenkilön titteli ja nimi?"
    is answered by "... antaa erityisasiantuntija Teemu Heino", which says neither "titteli" nor
    "nimi"; and so do the words that ask for it ("Kenelle voi soittaa?" is answered by a phone
    number). Words asking for a person ("puheenjohtaja") also say which person, so they do not.
    """
    used = [w for w in qwords if counted(w)]
    total = sum(w.weight for w in used)
    credits = [(w, 1.0 if asks_for_kind(w, given) else word_credit(w, terms)) for w in used]
    covered = frozenset(w.lemma for w, credit in credits if credit >= _HALF)
    if total <= 0:
        return 1.0, covered
    return sum(w.weight * credit for w, credit in credits) / total, covered


def is_specific(word: QWord) -> bool:
    """Whether a word occurs in fewer than about half of the passages (or in none).

    ``idf = log(1 + n / (1 + df))`` falls below ``log 3`` once ``df`` reaches ``n / 2 - 1``:
    such background words ("Pori", "ekosysteemisopimus" here) say little about what is asked.
    """
    return word.weight >= BACKGROUND_IDF
