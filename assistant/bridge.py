"""Questions that describe a thing instead of naming it: find the thing first (two hops).

"Milloin valtioneuvosto hyväksyi sen ohjelman, jota Porin toisen haun hankkeiden on
toteutettava?" names no programme: a relative clause describes it. The description is asked
first ("ohjelman, jota Porin toisen haun hankkeiden on toteutettava"), and its best sentence names
the programme ("... on toteutettava myös Uudistuva ja osaava Suomi 2021–2027 -ohjelmaa."). Then
the rest of the question is asked about that name ("Milloin valtioneuvosto hyväksyi sen ohjelman
Uudistuva ja osaava Suomi?"): what only the description says ("toisen haun") is no requirement
of the answer sentence. The answer quotes the bridge sentence and the answer, so a reader can
check the chain.

Used when the question read as a whole finds nothing, only the bridge sentence, or a sentence in a
passage that does not name the thing. A later part of a two-part question ("Kuinka kauan toinen
haku oli auki, ja milloin hyväksyttiin se ohjelma, jota haun hankkeiden on toteutettava?") asks
its description in the first part's context ("haun" is the second call); a conversation's
follow-up is not bridged.

An ordinal names a thing the same way ("Mikä on ensimmäisen painopistealueen ekosysteemin
liikevaihto?"): the documents say which thing it is in one sentence ("Porin ensimmäinen
painopistealue on teknologiametallit ja kiertotalous.") and give its turnover in another, which
does not number it. :func:`by_ordinal` asks the ordinal phrase first, then the question with the
name in its place; this works in a conversation too ("Kuinka suuri tuon ensimmäisen alan
liikevaihto on?" after a question about the focus areas).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.blocks import quote_key
from assistant.evidence import uncovered_asked
from assistant.ordinals import ordinal_of
from assistant.question import Question, contextualise, words

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.trace import Part

# "ohjelman, jota ...", "hausta, jossa ...", "hankkeen, jonka ..." up to the end of the clause
_RELATIVE = re.compile(
    r"(?P<head>[\wåäöÅÄÖ-]+),\s+(?:jo(?:ta|nka|ita|iden|ka|tka|ssa|issa|sta|ista|hon|ihin|lla|"
    r"illa|lle|ille|lta|ilta|ksi|iksi))\s+[^?,;]+"
)
# "niihin, jotka voivat toteuttaa hankkeita": a pronoun head describes no one thing to look up
_PRONOUN_HEAD = re.compile(
    r"^(?:se|sen|sitä|siinä|siihen|siitä|sille|sillä|siltä|ne|niiden|niitä|niissä|niihin|niistä|"
    r"niille|niillä|niiltä|tämä|tämän|tätä|tässä|tähän|tästä|nämä|näiden|näitä|näissä|näihin|"
    r"näistä|kaikki|kaikkien|kaikkia|kaikille|those|that|the)$",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÅÄÖ][\wåäöÅÄÖ]+")
_MIN_MAIN_WORDS = 3
_MAX_NAME_WORDS = 6  # a longer span between two capitalised words is no single name


@dataclass(frozen=True)
class Described:
    """A question split into what it asks and the description of the thing it asks about."""

    main: str  # "Milloin valtioneuvosto hyväksyi sen ohjelman?"
    description: str  # "ohjelman, jota Porin toisen haun hankkeiden on toteutettava"


def described(text: str) -> Described | None:
    """The relative clause describing a thing, and the question without it (or None)."""
    match = _RELATIVE.search(text)
    if match is None or _PRONOUN_HEAD.match(match.group("head")):
        return None
    main = f"{text[: match.end('head')]}{text[match.end() :]}".strip(" ,")
    main = main if main.endswith("?") else f"{main.rstrip('.!')}?"
    if len(words(main)) < _MIN_MAIN_WORDS:
        return None
    return Described(main, text[match.start("head") : match.end()].strip())


def named_thing(sentence: str, description: str) -> str:
    """The name a bridge sentence gives that the description lacks ("Uudistuva ja osaava Suomi").

    The capitalised words after the first word, from the first to the last one the description
    does not have; the words between them belong to the name when the span is short.
    """
    known = set(words(description))
    found = [
        m
        for m in _CAPITALISED.finditer(sentence)
        if m.start() > 0 and m.group().lower() not in known
    ]
    if not found:
        return ""
    span = sentence[found[0].start() : found[-1].end()]
    if len(words(span)) <= _MAX_NAME_WORDS:
        return span
    return " ".join(m.group() for m in found)


def resolve(question: Question, whole: Part, ask: Callable[[Question], Part]) -> list[Part] | None:
    """The bridge and answer parts of a question that describes its thing, or None.

    ``whole`` is the question read as a whole; ``ask`` gathers and decides one question. None when
    the question describes nothing, the whole reading found an answer of its own, or either hop
    finds nothing.
    """
    if question.followup and question.history:
        return None  # a conversation's follow-up (a self-standing question in one is bridged)
    parts = described(question.text)
    if parts is None:
        return None
    # a later part of a question keeps the first part as its context ("Kuinka kauan toinen haku
    # oli auki, ja milloin hyväksyttiin se ohjelma, jota haun hankkeiden on toteutettava?")
    desc = question.asking(parts.description)
    bridge = ask(desc)
    best = bridge.gathered.evidence.best
    if bridge.verdict.refuse or best is None:
        return None
    name = named_thing(best.sentence.text, parts.description)
    if not name:
        return None
    whole_best = whole.gathered.evidence.best
    if (
        not whole.verdict.refuse
        and whole_best is not None
        and quote_key(whole_best.sentence.text) != quote_key(best.sentence.text)
        and quote_key(name) in quote_key(whole_best.chunk.text)
    ):
        return None  # the whole question found an answer about the thing of its own
    asked = f"{parts.main[:-1]} {name}?"
    # the name now says which thing: the first part's context is no requirement any more
    answer = ask(replace(question, text=asked, query=asked, focus=asked, followup=False))
    if answer.verdict.refuse:
        return None
    return [bridge.quoting_best(), answer]


def chain(part: Question, first: Part, ask: Callable[[Question], Part]) -> Part | None:
    """A later part that leans on the first one, asked after the first part's answer, or None.

    "Mistä hausta Kasvun ekosysteemi -hanke sai rahoituksensa, ja paljonko siinä haussa oli
    haettavana?": which call "siinä haussa" means is the first part's answer ("... sai
    rahoituksen ... ensimmäisestä rahoitushausta."), not its question. The answer sentence is
    the history of the later part, as if the asker had read it and asked a follow-up. None when
    the first part found no answer or the chained part finds none either.
    """
    best = first.gathered.evidence.best
    if first.verdict.refuse or best is None:
        return None
    chained = ask(contextualise(part.text, (best.sentence.text,)))
    if not chained.verdict.refuse:
        return chained
    # "Mikä ohjelma se on ja mistä rahastoista sitä rahoitetaan?": "sitä" is the thing the
    # answer names ("Uudistuva ja osaava Suomi"), not what the first part's question names
    name = named_thing(best.sentence.text, first.question.focus)
    if not name:
        return None
    asked = f"{part.text.rstrip(' ?.!')} {name}?"
    named = ask(replace(part, text=asked, query=asked, focus=asked, followup=False))
    return None if named.verdict.refuse else named


# "X on ...", "X ovat ...": the link between a thing and what the sentence says it is
_IS = re.compile(r"\s+(?:on|ovat)\s+")
_HEAD_WORD = re.compile(r"\s+[\w-]+")  # the word after an ordinal: the noun it numbers
_CLAUSE_END = re.compile(r"[,.;:(]")


def ordinal_named(sentence: str, ordinal: str) -> str:
    """The name a sentence gives the thing an ordinal numbers, or "".

    "Porin ensimmäinen painopistealue on teknologiametallit ja kiertotalous." names it after the
    link, "Automaatio ja robotiikka on Porin toinen painopistealue." before it.
    """
    found = ordinal_of(sentence)
    link = _IS.search(sentence)
    if found is None or found[0] != ordinal or link is None:
        return ""
    at = found[1]
    if link.start() >= at.end():
        name = _CLAUSE_END.split(sentence[link.end() :], maxsplit=1)[0]
    elif link.end() <= at.start():
        name = sentence[: link.start()]
    else:
        return ""
    name = name.strip()
    return name if 0 < len(words(name)) <= _MAX_NAME_WORDS else ""


def by_ordinal(
    question: Question, whole: Part, ask: Callable[[Question], Part]
) -> list[Part] | None:
    """The bridge and answer parts of a Finnish question whose ordinal names its thing, or None.

    Used when the question read as a whole is refused for want of a sentence that numbers the
    thing, or is answered only by the sentence that says which thing the ordinal means while an
    asked word stays uncovered. None when the ordinal's sentence gives no name or the question
    with the name finds nothing new.
    """
    found = ordinal_of(question.text)
    if question.language != "fi" or found is None:
        return None
    ordinal, at = found
    if not _stuck_on(whole, ordinal):
        return None
    head = _HEAD_WORD.match(question.text, at.end())
    end = head.end() if head else at.end()
    phrase = question.text[at.start() : end]
    bridge = ask(question.asking(f"Mikä on {phrase}?"))
    best = bridge.gathered.evidence.best
    if bridge.verdict.refuse or best is None:
        return None
    name = ordinal_named(best.sentence.text, ordinal)
    if not name:
        return None
    asked = f"{question.text[: at.start()]}{name}{question.text[end:]}"
    answer = ask(replace(question, text=asked, query=asked, focus=asked, followup=False))
    found_best = answer.gathered.evidence.best
    if (
        answer.verdict.refuse
        or found_best is None
        or quote_key(found_best.sentence.text) == quote_key(best.sentence.text)
    ):
        return None
    return [bridge.quoting_best(), answer]


def _stuck_on(whole: Part, ordinal: str) -> bool:
    """Whether the whole question failed on its ordinal: refused for want of it, or answered by
    the sentence naming the ordinal's thing alone while an asked word is not covered."""
    if whole.verdict.refuse:
        return whole.verdict.reason.startswith("requirements:") and (
            f"ordinal:{ordinal}" in whole.verdict.reason
        )
    evidence = whole.gathered.evidence
    best = evidence.best
    if best is None or not ordinal_named(best.sentence.text, ordinal):
        return False
    return bool(uncovered_asked(best.qwords, evidence.selected))
