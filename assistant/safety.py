"""Text that tries to give orders to a language model (prompt injection), in questions and documents.

Documents are material to answer from and questions are questions about them; neither gives
instructions. Injection is recognised by what it *does*, in Finnish, English and Swedish, not by
a list of known sentences:

* ``override``: an imperative that sets something aside ("ignore", "unohda", "glöm") followed
  within a few words by what it sets aside: instructions, rules, a prompt, or everything above;
* ``role``: giving the assistant a new identity or freeing it from rules ("you are now",
  "olet nyt", "du är nu", "act as", "DAN", "ilman rajoituksia");
* ``reveal``: asking for the system prompt or "your instructions" ("ohjeesi");
* ``marker``: chat-format markers that pretend to start a new message ("SYSTEM:", "[INST]").

Ordinary questions that mention instructions ("Mistä löydän hakuohjeet?") match none of these.
A question that does is refused; a document sentence that does is never quoted, and a passage
containing one never reaches a language model.
"""

from __future__ import annotations

import re

_OVERRIDE_VERBS = (
    # English
    r"ignore|disregard|forget|override|bypass|discard|"
    r"pay no attention to|do not (?:follow|obey)|don'?t (?:follow|obey)|stop following|"
    r"set aside|throw away|"
    # Finnish (imperatives, singular and plural)
    r"unohda|unohtakaa|ohita|ohittakaa|sivuuta|sivuuttakaa|hylkää|hylätkää|"
    r"älä (?:välitä|noudata|huomioi|piittaa|tottele)|"
    r"älkää (?:välittäkö|noudattako|huomioiko|piitatko|totelko)|"
    r"jätä huomiotta|jättäkää huomiotta|jätä huomioimatta|"
    # Swedish
    r"glöm|glöm bort|ignorera|strunta i|bortse (?:från|ifrån)|följ inte|lyd inte"
)
_TARGETS = (
    # what an instruction is called
    r"instructions?|rules?|guidelines?|prompts?|directions?|directives?|restrictions?|"
    r"constraints?|guardrails?|programming|context|"
    r"ohje\w*|sääntö\w*|säännö\w*|kehot\w*|rajoitu\w*|rajoitte\w*|määräy\w*|"
    r"instruktion\w*|regel\w*|regler\w*|riktlinje\w*|direktiv\w*|begränsning\w*|"
    # everything said so far
    r"everything|all of (?:the |this|that)|(?:the |all )?above|what you (?:were|have been) told|"
    r"kaiken|kaikki|yllä\w*|edellä\w*|aiemmin sanotun|"
    r"allt|alla|ovanstående|ovan"
)
_GAP = r"(?:\W+[\w'’-]+){0,5}?\W+"  # up to five words between the verb and its object
_QUESTION_NOUN = re.compile(r"\b(?:questions?|kysymy\w*|fråg\w*)\b", re.IGNORECASE)
_INSTRUCTION_NOUN = re.compile(
    r"\b(?:instructions?|rules?|prompts?|ohje\w*|sääntö\w*|säännö\w*|kehot\w*|instruktion\w*|"
    r"regler\w*)\b",
    re.IGNORECASE,
)
_OVERRIDE = re.compile(rf"\b(?:{_OVERRIDE_VERBS})\b{_GAP}(?:{_TARGETS})\b", re.IGNORECASE)

_SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "role",
        re.compile(
            r"\byou(?: are|'re|’re) now\b|\bfrom now on,? you\b|"
            r"\bact as (?:if|though)\b|\bact as an? (?:\w+ )?(?:ai|assistant|chatbot|bot|model|"
            r"hacker|jailbroken|unrestricted|unfiltered|different|new)\b|"
            r"\bpretend (?:to be|that you|you are|you're)\b|\brole-?play as\b|"
            r"\bjailbreak|\bdeveloper mode\b|\bdo anything now\b|\bgod mode\b|"
            r"\bolet (?:nyt|tästä lähtien|tästedes|vapaa)\b|\besitä olevasi\b|\bteeskentele\b|"
            r"\bleiki,? että olet\b|\btoimi (?:nyt )?(?:kuin|roolissa)\b|"
            r"\bvapaa kaikista (?:säännöistä|rajoituksista|ohjeista)\b|"
            r"\bdu är (?:nu|från och med nu)\b|\blåtsas (?:att du|vara)\b|\bagera som\b|"
            r"\bspela rollen\b",
            re.IGNORECASE,
        ),
    ),
    ("role", re.compile(r"\bDAN\b")),  # "Do Anything Now"; only in capitals, it is a name too
    (
        "reveal",
        re.compile(
            r"\bsystem ?prompt|\bsystem message\b|\b(?:initial|hidden|original) prompt\b|"
            r"\byour (?:instructions|prompt|programming|configuration)\b|"
            r"\bjärjestelmä(?:kehot|viest|ohje)\w*|"
            r"\b(?:ohjee|ohjeita|ohjeistukse|ohjeistusta|sääntö|sääntöjä|kehottee|kehotetta)si\b|"
            r"\bsystem ?(?:meddelande|instruktion)\w*|\bdina (?:instruktioner|regler|direktiv)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "marker",
        re.compile(
            r"(?:^|[\n.!?]\s*)(?:system|assistant|developer|järjestelmä)\s*:|<\|[a-z_]+\|>|"
            r"\[/?INST\]|<<\s*/?SYS\s*>>|###\s*(?:instruction|system)|"
            r"\bnew instructions\s*:|\buudet ohjeet\s*:|\bnya instruktioner\s*:",
            re.IGNORECASE,
        ),
    ),
)


def injection_signals(text: str) -> list[str]:
    """The kinds of instruction-like text in ``text`` (empty for an ordinary question)."""
    found: list[str] = []
    match = _OVERRIDE.search(text)
    if match and (_INSTRUCTION_NOUN.search(match.group(0)) or not _QUESTION_NOUN.search(text)):
        found.append("override")  # "forget the previous question" is not an override
    for name, pattern in _SIGNALS:
        if name not in found and pattern.search(text):
            found.append(name)
    return found


def looks_like_injection(text: str) -> bool:
    """Whether ``text`` contains instruction-like text aimed at a language model."""
    return bool(injection_signals(text))
