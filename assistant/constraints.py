"""What a question demands of the sentences that answer it.

Near misses look like answerable questions: "Tampereen painopistealueet" (the corpus lists the
cities but only Pori's details), "kolmannen haun hakuaika" (there were two calls), "kuinka paljon
rahaa toisessa haussa" (only the first call's amount is given). They are caught by *hard*
requirements that a neighbouring sentence does not meet:

* the kind of answer asked for (a date, an amount of money, a rate, a count, an e-mail address,
  a phone number, a web address) must be present in the answer;
* an ordinal phrase ("toinen haku", "kolmas painotus") must occur with the same head noun;
* numbers, years and dates of the question must occur; a year given as a bound ("vuoden 2027
  jälkeen") instead needs a time on its asked side (:mod:`assistant.yearbounds`);
* names (capitalised words, acronyms) of a Finnish question must occur (the document title counts);
  of an English or Swedish question only the names the documents capitalise too ("Robocoast");
* a city other than Pori may only be answered from a sentence naming it, and only when the
  question is about which cities take part;
* a date asked about the next or an upcoming thing must lie after today.

A question that tries to give the assistant orders (:mod:`assistant.safety`) is marked, and
refused whatever the documents say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from assistant.context import points_back, restated, split_context, without_introductions
from assistant.heads import (
    HeadTerms,
    OrdinalPhrase,
    counted_terms,
    numbered_things,
    ordinal_phrases,
)
from assistant.kinds import asked_kinds, kinds_present
from assistant.names import NAME_PREFIX, has_long_form, has_name, question_names
from assistant.ordinals import ORDINALS, ordinal_of, picks_listed
from assistant.places import HOME_CITY, about_participants, cities_named, city_mentions
from assistant.question import Question, words
from assistant.safety import looks_like_injection
from assistant.upcoming import asks_upcoming, gives_future_date
from assistant.wordlists import CARDINALS
from assistant.yearbounds import YearBound, within, year_bounds

__all__ = [
    "HOME_CITY",
    "Constraints",
    "HeadTerms",
    "OrdinalPhrase",
    "asked_kinds",
    "cities_named",
    "extract",
    "kinds_present",
    "violations",
]

_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d+(?:[.,]\d+)?")
# "toimintalinjat kolmesta kuuteen": a range of numbers in words, read as "3–6" (the documents
# number things in digits)
_FROM = ("yhdestä", "kahdesta", "kolmesta", "neljästä", "viidestä", "kuudesta", "seitsemästä")
_TO = ("", "kahteen", "kolmeen", "neljään", "viiteen", "kuuteen", "seitsemään", "kahdeksaan")
_SPELLED_RANGE = re.compile(rf"\b({'|'.join(_FROM)})\s+({'|'.join(t for t in _TO if t)})\b", re.I)


def spelled_ranges(text: str) -> str:
    """The text with its ranges in words in digits ("kolmesta kuuteen" -> "3–6")."""

    def digits(match: re.Match[str]) -> str:
        start = _FROM.index(match.group(1).lower()) + 1
        end = _TO.index(match.group(2).lower()) + 1
        return f"{start}–{end}" if start < end else match.group(0)

    return _SPELLED_RANGE.sub(digits, text)


# a hearsay guess at the value asked, after the question ("paljon niitä on, kaveri sano et joku
# 18?"): the asker wants it checked, so the answer gives the documents' value, not only a match
_GUESS = re.compile(
    r",\s*[^,.?!]*\b(?:sano|sanoi|sanoo|väitti|väittää|kuulin|luin|muistelen)\b,?\s*"
    r"(?:et|ett|että)\b[^.?!]*\?\s*$",
    re.IGNORECASE,
)
# a number after a demonstrative names things known to the asker ("ne 16 kaupunkiseutua")
_GIVEN_NUMBER = re.compile(
    r"\b(?:ne|nuo|näiden|niiden|noiden|näitä|niitä|noita|these|those|dessa|de)\s+(\d+)\b",
    re.IGNORECASE,
)
# "Mikä painopistealue ...?": one thing is asked for
_ONE = re.compile(r"\b(?:mikä|minkä|kuka|kenen|vilken|vilket|which one)\b", re.IGNORECASE)
# a name in the genitive before the contact detail asked ("Satakuntaliiton (vaihteen)
# puhelinnumero"): whose number or address it is (a compound's head owns it in
# "Innokaupungit-haun sähköpostiosoite": the call's contact address)
_CONTACT_OWNER = re.compile(
    r"(?=(?<![\w-])([\wåäöÅÄÖ]+?)(?::n|n)\s+(?:[\wåäö]+\s+)?"
    r"(?:puhelin|numero|sähköpost|meili|vaihde|vaihtee))",
    re.IGNORECASE,
)
# a genitive before a contact detail in the nominative ("pormestarin puhelinnumero"; not the
# verb of "laitan sähköpostia")
_OWNED_CONTACT = re.compile(
    r"(?<![\w-])([a-zåäö]+n)\s+(?:puhelinnumero|puhelin|numero|sähköposti(?:osoite)?|s-posti|"
    r"meili(?:osoite)?|yhteystiedot)\b"
)
# "Kuka on Satakunnan ammattikorkeakoulun rehtori?": the role asked of someone, after the
# genitives of whose it is (a simple word the corpus never uses names a role it does not know)
_ROLE_ASKED = re.compile(
    r"\bkuka\s+on\s+(?:[\w:-]+n\s+){1,3}([a-zåäö]{4,})\s*\??\s*$", re.IGNORECASE
)
# "Mitkä hankkeet ...?" (not "Mitkä kaksi teemaa ...?", which says how many)
_WHICH = re.compile(r"\bmitkä\b(?!\s+(?:kaksi|kolme|neljä|viisi|\d))", re.IGNORECASE)
_WHICH_MANY = re.compile(
    rf"\b(?:mitkä|ketkä)\s+(?:ne\s+|nuo\s+)?({'|'.join(CARDINALS)}|\d+)\s+([^\W\d_]{{4,}})\b",
    re.IGNORECASE,
)
COUNTED_STEM = 5  # letters of a counted noun that find its other forms ("hakemusta", "hakemus")


def which_many(text: str) -> tuple[int, str] | None:
    """How many things "Mitkä kolme hakemusta ...?" asks to name, and the stem of what they are."""
    match = _WHICH_MANY.search(text)
    if match is None:
        return None
    number = match.group(1).lower()
    count = int(number) if number.isdigit() else CARDINALS.index(number) + 2
    return count, match.group(2)[:COUNTED_STEM].lower()


_GUESSED_KINDS = frozenset({"count", "amount", "money", "rate", "share", "date", "day"})


@dataclass(frozen=True)
class Constraints:
    """Hard requirements of one question (see the module docstring)."""

    kinds: frozenset[str] = frozenset()
    ordinals: tuple[OrdinalPhrase, ...] = ()
    numbers: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    other_cities: tuple[str, ...] = ()
    about_participants: bool = False
    counted: frozenset[str] = frozenset()  # "kuinka monta hakemusta" -> hakemus
    injection: bool = False  # the question tries to give the assistant orders
    # "Mitkä hankkeet saivat rahoitusta?": which things, so names or a list, not how many
    which: bool = False
    # "Mitkä kolme hakemusta ...?": which ones of a counted thing (the number, the noun's stem)
    which_many: tuple[int, str] | None = None
    # "Mikä painopistealue ...?", "Vilken ...?": one thing is asked, not all of a series
    one: bool = False
    # names whose own contact details are asked ("Satakuntaliiton puhelinnumero"), or their own
    # sum ("ESR+-rahoitusta"): the sentence giving them must carry the name itself
    contact_owners: tuple[str, ...] = ()
    # every word in the genitive before the contact detail asked ("pormestarin puhelinnumero"
    # -> "pormestarin"), and the role asked of someone ("Kuka on SAMKin rehtori?" -> "rehtori"):
    # a simple word the corpus never uses names someone it does not know
    owner_words: frozenset[str] = frozenset()
    # requirements (as ``violations`` labels them) that only the earlier questions of a follow-up
    # give: preferred, but dropped when no sentence meets them (see assistant.evidence.select)
    from_history: frozenset[str] = frozenset()
    # requirements that only context sentences ("Kuulin, että syksyllä 2023 oli haku.") or the
    # history give: the passage around a sentence may meet them (see violations)
    loose: frozenset[str] = frozenset()
    # the question speaks of a project ("hanke") but names none ("Mikä hanke Prizztechillä
    # on?"): any project's dates may answer it (see _another_project)
    any_project: bool = False
    # the question's words (lowercase), for the names of things it mentions
    mentioned: frozenset[str] = frozenset()
    # "Milloin seuraava haku avautuu?": a date answer must lie after this day (assistant.upcoming)
    after: date | None = None
    # "vuoden 2027 jälkeen", "ennen vuotta 2031": years the answer's time must lie beyond
    bounds: tuple[YearBound, ...] = ()
    # "Milloin toisen haun rahoituspäätökset julkaistaan?": the day of a decision, which a
    # sentence giving the call's own days does not give
    decision: bool = False

    @property
    def refuse_city(self) -> bool:
        """A question about another city's own details: the documents only give Pori's."""
        return bool(self.other_cities) and not self.about_participants


def extract(question: Question, heads: HeadTerms, today: date | None = None) -> Constraints:
    """The hard requirements of a question (a follow-up is read together with its context)."""
    # a follow-up asks for its own kind of answer ("Mitä siinä painotettiin?" after "Milloin ...?"),
    # unless it was rewritten from the earlier question ("Entä ensimmäinen?")
    rewritten = question.text not in question.focus
    # the asker's introduction asks for nothing ("Olen robotiikkayrityksen kehitysjohtaja.")
    # ... and a restatement says again what it asks ("Kuka hanketta vetää – eli mikä sen nimi
    # on?" asks for a name, not for a person)
    kinds = asked_kinds(restated(without_introductions(question.text))) or (
        asked_kinds(question.focus) if rewritten else frozenset()
    )
    focus = question.focus
    asked, context = split_context(focus)
    # a city only the context names ("Meille soitti raumalainen yrittäjä.") is not asked about
    # ... nor one in a lead-in before a dash ("Startup Raumalta haluaisi verkostoitua – mikä ...?")
    cities = _cities(_after_lead_in(asked), heads.city_phrases) - {HOME_CITY}
    asked_numbers = _GUESS.sub("?", focus) if kinds & _GUESSED_KINDS else focus
    # "Mitä toimintalinja 1 sisältää?": the number says which axis, like an ordinal
    numbered = numbered_things(focus, heads) if question.language == "fi" else []
    by_number = {number for _, number in numbered}
    asked_numbers = spelled_ranges(asked_numbers)
    bounds = year_bounds(asked_numbers)
    by_number |= {bound.year for bound in bounds}
    numbers = tuple(n for n in dict.fromkeys(_NUMBER.findall(asked_numbers)) if n not in by_number)
    ordinals = tuple(
        dict.fromkeys(
            [*ordinal_phrases(focus, heads, question.language), *(p for p, _ in numbered)]
        )
    )
    if question.followup and question.text in focus:
        # "Entä mitä sisältyy kakkoslinjaan?" after "Mitä toimintalinja 1 sisältää?": the
        # follow-up's own ordinal replaces the earlier one
        own = {p.ordinal for p in ordinal_phrases(question.text, heads, question.language)}
        own |= {p.ordinal for p, _ in numbered_things(question.text, heads)}
        # ... unless it picks one of the things listed ("Entä ensimmäinen niistä?" after "Mitkä
        # olivat toisen haun painotukset?" is still about the second call)
        if own and not picks_listed(question.text):
            ordinals = tuple(p for p in ordinals if p.ordinal in own)
            # ... and so do the earlier question's numbers: "Entä ensimmäinen?" after "Mitkä
            # ovat toimintalinjat 1 ja 2?" picks one of them, not both
            numbers = tuple(n for n in numbers if n in _NUMBER.findall(question.text))
    names = question_names(without_introductions(focus), question.language, heads.proper_names)
    if picks_listed(question.text) and any(n in words(question.text) for n in names):
        # "tuo kolmas niistä, KARHU – mikä organisaatio sitä vetää?": the name says which one;
        # the sentences about it do not number it
        picked = {p.ordinal for p in ordinal_phrases(question.text, heads, question.language)}
        ordinals = tuple(p for p in ordinals if p.ordinal not in picked)
    history = _from_history(question, heads, ordinals, numbers, names)
    # "Mitkä ovat sen ohjelman periaatteet?" after "Toisen haun hankkeiden pitää toteuttaa
    # Uudistuva ja osaava Suomi -ohjelmaa": "sen ohjelman" points at the programme, and the
    # earlier question's "toinen haku" only led to it: background, not a requirement
    aside = _pointed_elsewhere(question, heads, ordinals, history)
    history -= aside
    asking = split_context(question.text)[0]  # the question's own asking sentences
    return Constraints(
        kinds=kinds,
        ordinals=ordinals,
        numbers=numbers,
        names=names,
        from_history=history,
        # what only the context sentences of a long question give may be met by the passage, and
        # so may a number the question points to as known ("ne 16 kaupunkiseutua")
        loose=history
        | aside
        | (_not_in(asked, question, heads, ordinals, numbers, names) if context else frozenset())
        | {f"number:{n}" for n in _GIVEN_NUMBER.findall(focus) if n in numbers},
        after=(today or date.today()) if asks_upcoming(focus, kinds) else None,
        bounds=bounds,
        other_cities=tuple(sorted(cities)),
        about_participants=about_participants(focus),
        any_project=_PROJECT.search(focus) is not None and _PROJECT_NAMED.search(focus) is None,
        mentioned=frozenset(words(focus)),
        which="count" not in kinds and _WHICH.search(asking) is not None,
        which_many=which_many(asking),
        contact_owners=_contact_owners(focus, names, kinds),
        owner_words=frozenset(
            m.group(1).lower()
            for m in (*_OWNED_CONTACT.finditer(focus), *_ROLE_ASKED.finditer(asking))
        ),
        one=_ONE.search(asking) is not None,
        # a follow-up asking no count ("Milloin ne allekirjoitettiin?") counts nothing the
        # earlier count question did
        counted=frozenset()
        if question.followup and "count" not in kinds
        # (what a restatement counts: "Kuinka moni jäi ... – eli montako hakemusta ...?")
        else counted_terms(restated(focus), heads, question.language),
        injection=looks_like_injection(question.text),
        decision=_DECISION.search(asking) is not None,
    )


_DASH_LEAD_IN = re.compile(
    r"\s[–—]\s+(?=(?:kuka|ketkä|mikä|mitkä|mitä|milloin|missä|mistä|mihin|miten|kuinka|"
    r"paljonko|montako|onko|voiko|who|what|when|where|which|how|vem|vad|när|var|vilk\w*|hur)\b)",
    re.IGNORECASE,
)


def _contact_owners(text: str, names: tuple[str, ...], kinds: frozenset[str]) -> tuple[str, ...]:
    """The names whose own phone number or e-mail address a question asks for, or whose own
    sum or share ("ESR+-rahoitusta", "KARHU-hankkeen budjetti", "EAKR:n osuus")."""
    owners = [m.group(1).lower() for m in _CONTACT_OWNER.finditer(text)]
    if kinds & _SUM_KINDS:
        owners += [m.group(1).lower() for m in _NAME_COMPOUND.finditer(text)]
    return tuple(n for n in names if any(o.startswith(n) for o in owners))


_SUM_KINDS = frozenset({"money", "amount", "rate", "share"})
_PROJECT = re.compile(r"hank|projekt|project", re.IGNORECASE)
# a project a question names: "Reboot Satakunta -hanke", "KARHU-hankkeen"
_PROJECT_NAMED = re.compile(r"\b[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:\s+[\wåäöÅÄÖ]+)?\s*-hank")
# a sentence about a named project: "Kasvun ekosysteemi -hanke alkoi ...", "KARHU-hanke ..."
_PROJECT_SUBJECT = re.compile(
    r"^\s*(?P<name>[A-ZÅÄÖ][\wåäöÅÄÖ]*)(?:\s+[\wåäö]+){0,3}?\s*-hanke\b|"
    # "Prizztech Oy:n hanke Kasvun ekosysteemi – ..."
    r"^\s*[A-ZÅÄÖ][\w ]*?:n hanke (?P<owned>[A-ZÅÄÖ][\wåäö]*)"
)
# a name as the first part of a hyphenated compound or in the genitive with a colon
_NAME_COMPOUND = re.compile(r"(?<![\w-])([A-ZÅÄÖ][\wåäöÅÄÖ]*)\+?(?:-[\wåäö]|:n\b)")


def _after_lead_in(text: str) -> str:
    """The question after a lead-in that ends in a dash, or the whole text.

    A short lead-in names what is asked about ("Entä Tampere – mitkä ovat sen painopisteet?"); a
    clause of its own (four words or more) says who asks.
    """
    parts = _DASH_LEAD_IN.split(text, maxsplit=1)
    if len(parts) > 1 and parts[-1].strip() and len(parts[0].split()) >= 4:
        # "Turun sopimuksessa on omat kärjet – mitkä ne ovat?": the question points back to
        # what the lead-in names
        if points_back(parts[-1]):
            return text
        return parts[-1]
    return text


def _cities(text: str, phrases: frozenset[str]) -> frozenset[str]:
    """Cities a question names, leaving out mentions inside a name the corpus uses.

    "Tampereen yliopiston KARHU-hanke" names a university that implements a Pori project: the
    pair "tampereen yliopisto(n)" occurs in the documents, so it is no question about Tampere.
    """
    out: set[str] = set()
    for city, start, end in city_mentions(text):
        following = words(text[end:])[:1]
        pair = f"{text[start:end].lower()} {following[0]}" if following else ""
        if following and _pair_known(pair, phrases):
            continue
        if _university(text, start, end) and any(
            p.partition(" ")[2].startswith("yliopisto")
            and cities_named(p.partition(" ")[0]) == {city}
            for p in phrases
        ):
            continue  # "Tammerfors universitet": the corpus's "Tampereen yliopisto", translated
        out.add(city)
    return frozenset(out)


_UNIVERSITY_AFTER = re.compile(r"\s*(?:universitet|university|yliopisto)", re.IGNORECASE)
_UNIVERSITY_BEFORE = re.compile(r"(?:university of|universitetet i)\s*$", re.IGNORECASE)


def _university(text: str, start: int, end: int) -> bool:
    """Whether a city mention names a university ("Tammerfors universitet", "University of
    Tampere")."""
    return bool(_UNIVERSITY_AFTER.match(text, end) or _UNIVERSITY_BEFORE.search(text[:start]))


def _pair_known(pair: str, phrases: frozenset[str]) -> bool:
    """Whether the corpus has the word pair, allowing another case of the second word
    ("tampereen yliopistolla" for the corpus's "tampereen yliopisto")."""
    first, _, second = pair.partition(" ")
    for phrase in phrases:
        known_first, _, known_second = phrase.partition(" ")
        shared = next(
            (i for i, (a, b) in enumerate(zip(known_second, second, strict=False)) if a != b),
            min(len(known_second), len(second)),
        )
        if known_first == first and shared >= max(4, min(len(second), len(known_second)) - 2):
            return True
    return False


# a demonstrative and the noun it points at, agreeing in case ("sen ohjelman", "sitä hanketta",
# "siinä haussa"); the nominative "se" is left out ("milloin se aukeaa": a verb follows)
_POINTED = re.compile(
    r"\b(?:(?:sen|tuon|tämän|siihen|tähän)\s+([^\W\d_]{3,}n)|(?:sitä|tuota|tätä)\s+([^\W\d_]{3,}[aä])|"
    r"(?:siinä|tuossa|tässä)\s+([^\W\d_]{3,}ss[aä])|(?:siitä|tuosta|tästä)\s+([^\W\d_]{3,}st[aä])|"
    r"(?:sillä|tuolla|tällä)\s+([^\W\d_]{3,}ll[aä]))\b",
    re.IGNORECASE,
)


def _pointed_elsewhere(
    question: Question,
    heads: HeadTerms,
    ordinals: tuple[OrdinalPhrase, ...],
    history: frozenset[str],
) -> frozenset[str]:
    """The history's ordinals whose thing is not the one the follow-up points at."""
    if not history or question.language != "fi":
        return frozenset()
    pointed = frozenset().union(
        *(heads(w) for m in _POINTED.finditer(question.text) for w in m.groups() if w)
    )
    if not pointed:
        return frozenset()
    return frozenset(
        f"ordinal:{p.ordinal}"
        for p in ordinals
        if f"ordinal:{p.ordinal}" in history and p.heads and not p.heads & pointed
    )


def _from_history(
    question: Question,
    heads: HeadTerms,
    ordinals: tuple[OrdinalPhrase, ...],
    numbers: tuple[str, ...],
    names: tuple[str, ...],
) -> frozenset[str]:
    """Labels of the requirements a follow-up takes only from its history.

    "Kenelle siitä voi soittaa?" after "Milloin toinen rahoitushaku oli auki?": the phone number
    sentence need not say "toinen". A rewritten follow-up ("Entä ensimmäinen?") has its own.
    """
    if not question.followup or question.text not in question.focus:
        return frozenset()
    return _not_in(question.text, question, heads, ordinals, numbers, names)


def _not_in(
    own: str,
    question: Question,
    heads: HeadTerms,
    ordinals: tuple[OrdinalPhrase, ...],
    numbers: tuple[str, ...],
    names: tuple[str, ...],
) -> frozenset[str]:
    """Labels of the requirements that ``own`` (a part of the question) does not give."""
    own_ordinals = {p.ordinal for p in ordinal_phrases(own, heads, question.language)}
    if question.language == "fi":  # "toimintalinja kolme" names its own ordinal too
        own_ordinals |= {p.ordinal for p, _ in numbered_things(own, heads)}
    own_numbers = set(_NUMBER.findall(own))
    own_names = set(question_names(own, question.language, heads.proper_names))
    labels = {f"ordinal:{p.ordinal}" for p in ordinals if p.ordinal not in own_ordinals}
    labels |= {f"number:{n}" for n in numbers if n not in own_numbers}
    labels |= {f"name:{n}" for n in names if n not in own_names}
    return frozenset(labels)


def _only_ordinal(local: str, passage: str, phrase: OrdinalPhrase) -> bool:
    """Whether a sentence naming no ordinal stands in a passage about the asked one only.

    "Lisätietoja hankehausta antaa ... Teemu Heino" in the passage on the second call answers
    "kuka antaa lisätietoa toisesta rahoitushausta?"; in a passage that also names the first call
    it does not.
    """
    if not passage or ordinal_of(local) is not None:
        return False
    named = {name for name, pattern in ORDINALS if pattern.search(passage)}
    return named == {phrase.ordinal}


def _has_ordinal(text: str, phrase: OrdinalPhrase, heads: HeadTerms) -> bool:
    for found in ordinal_phrases(text, heads):
        if found.ordinal != phrase.ordinal:
            continue
        if not phrase.heads or not found.heads or phrase.heads & found.heads:
            return True
    return False


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a number that is a year, or a year in a text


def _has_number(text: str, number: str) -> bool:
    pattern = rf"(?<![\d,.]){re.escape(number)}(?![\d]|[,.]\d)"
    if re.search(pattern, text):
        return True
    if _YEAR.fullmatch(number) and re.search(rf"\b\d{{1,2}}\.\d{{1,2}}\.{number}(?!\d)", text):
        return True  # the year of a date ("31.12.2023")
    parts = number.split(".")
    if len(parts) == 3 and all(p.isdigit() for p in parts):  # 09.02.2021 == 9.2.2021
        loose = r"0?{}\.0?{}\.{}".format(*(p.lstrip("0") or "0" for p in parts[:2]), parts[2])
        return re.search(rf"(?<![\d.]){loose}(?!\d)", text) is not None
    return False


def violations(
    sentence: str,
    context: str,
    title: str,
    constraints: Constraints,
    heads: HeadTerms,
    passage: str = "",
) -> list[str]:
    """Hard requirements that a sentence (with its section ``context`` and ``title``) misses.

    The ``passage`` around the sentence may meet a name (a contact sentence in a call's document
    need not repeat the call's name; unless a person is asked for), and any requirement that only
    the question's context sentences or history give (:attr:`Constraints.loose`).
    Kinds are not checked here: an answer may take them from several sentences.
    """
    missing: list[str] = []
    local = f"{context}\n{sentence}"
    for phrase in constraints.ordinals:
        if not _has_ordinal(local, phrase, heads) and not _only_ordinal(local, passage, phrase):
            missing.append(f"ordinal:{phrase.ordinal}")
    everything = f"{title}\n{local}"
    # a year only says when the thing asked about was ("kesän 2022 haussa"): a sentence that
    # gives no year of its own may take it from the passage around it
    own_year = _YEAR.search(sentence) is not None
    for number in constraints.numbers:
        if _has_number(everything, number):
            continue
        if _YEAR.fullmatch(number) and not own_year and passage and _has_number(passage, number):
            continue
        missing.append(f"number:{number}")
    if constraints.names:
        tokens = words(everything)
        # a person is tied to the thing asked in the sentence itself: the contact person of a
        # passage about Satakuntaliitto need not be Satakuntaliitto's
        around = passage if "person" not in constraints.kinds else ""
        for name in constraints.names:
            if has_name(tokens, name) or has_long_form(tokens, heads.aliases.get(name)):
                continue
            # ... nor need the phone number be, when the name owns it ("Satakuntaliiton
            # vaihteen puhelinnumero"), not only says what it is about ("... Innokaupungit
            # Pori -hausta?")
            owns = name in constraints.contact_owners
            if owns or not (
                around
                and (
                    has_name(_words(around), name)
                    or has_long_form(tuple(_words(around)), heads.aliases.get(name))
                )
            ):
                missing.append(f"name:{name}")
    if constraints.counted and not any(heads(w) & constraints.counted for w in words(local)):
        missing.append("counted")
    if constraints.other_cities:
        present = cities_named(sentence)
        missing += [f"city:{c}" for c in constraints.other_cities if c not in present]
    dated = constraints.kinds & {"date", "day"}
    if dated and _another_project(sentence, constraints):
        missing.append("subject:project")
    if dated and constraints.decision and _DECIDED.search(sentence) is None:
        missing.append("subject:decision")
    if constraints.after is not None and not gives_future_date(sentence, constraints.after):
        missing.append("upcoming")
    missing += [f"bound:{b.label}" for b in constraints.bounds if not within(local, b)]
    if passage and constraints.loose and missing:
        missing = [m for m in missing if not _met_by_passage(m, passage, constraints, heads)]
    return missing


# a decision ("rahoituspäätös", "päätöksen"), and a sentence saying one was made ("hyväksyi",
# "myönteisen rahoituspäätöksen")
_DECISION = re.compile(r"päätö[kst]", re.IGNORECASE)
_DECIDED = re.compile(r"päätö[kst]|hyväks|myönsi|myönnettiin", re.IGNORECASE)


def _another_project(sentence: str, constraints: Constraints) -> bool:
    """Whether a sentence is about a named project the question does not mention, while the
    question asks about no project or names another one.

    "Minä päivänä ensimmäinen rahoitushaku alkoi?" is not answered by "Kasvun ekosysteemi -hanke
    alkoi 1. huhtikuuta 2023." in the passage on the first call's projects, nor is "Milloin
    Reboot Satakunta -hanke alkoi?" by Kasvun ekosysteemi's dates; "Entä milloin se päättyy?"
    after "Mikä hanke Prizztechillä on?" names no project, so any project's dates may answer it.
    """
    project = _PROJECT_SUBJECT.match(sentence)
    if project is None or constraints.any_project:
        return False
    name = (project.group("name") or project.group("owned")).lower()[:NAME_PREFIX]
    return not has_name(constraints.mentioned, name)


@lru_cache(maxsize=512)
def _words(text: str) -> frozenset[str]:
    return frozenset(words(text))


def _met_by_passage(label: str, passage: str, constraints: Constraints, heads: HeadTerms) -> bool:
    """Whether a loose requirement (context or history) is met by the passage around."""
    if label not in constraints.loose:
        return False
    kind, _, value = label.partition(":")
    if kind == "number":
        return _has_number(passage, value)
    if kind == "ordinal":
        return any(
            _has_ordinal(passage, p, heads) for p in constraints.ordinals if p.ordinal == value
        )
    return False
