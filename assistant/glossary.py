"""A small English/Swedish -> Finnish glossary of the documents' own vocabulary.

Cross-lingual retrieval works through the multilingual e5 model, but choosing the answer
sentence also counts shared words. For an English or Swedish question the words are first
mapped to the Finnish terms the documents use ("focus areas" -> painopistealue), so that word
coverage helps there too. Keys are word prefixes (lowercase), one glossary per language (an
English key must not read a Swedish word: "job" is no "jobbar"); unknown words are skipped.
"""

from __future__ import annotations

import re

from assistant.glossary_words import ENGLISH, SWEDISH
from assistant.question import words

GLOSSARY = {"en": ENGLISH, "sv": SWEDISH}
_KEYS = {lang: sorted(table, key=len, reverse=True) for lang, table in GLOSSARY.items()}
_PHRASES = {lang: [k for k in keys if " " in k] for lang, keys in _KEYS.items()}  # "city region"


# sentence ends and lead-ins ("Jag jobbar på ett företag – vilka ...?"), kept so that the
# Finnish terms of a context sentence stay context (see assistant.context)
_SEPARATOR = re.compile(
    r"(\s[–—]\s(?=(?:who|what|when|where|which|how|vem|vad|när|var|vilka|vilken|vilket|hur)\b)"
    r"|[.?!:;]+)",
    re.IGNORECASE,
)


def to_finnish(text: str, language: str) -> str:
    """The Finnish document terms an English or Swedish question's words stand for, with its
    sentence ends and lead-ins (a dash before the question becomes ":")."""
    glossary, keys = GLOSSARY.get(language, {}), _KEYS.get(language, [])
    phrases = _PHRASES.get(language, [])
    out: list[str] = []
    seen: set[str] = set()
    for i, piece in enumerate(_SEPARATOR.split(text)):
        if i % 2:  # a separator (split keeps them at the odd places)
            if out:
                out[-1] += ":" if piece.strip() in ("–", "—") else piece
            continue
        tokens = words(piece)
        at = 0
        while at < len(tokens):
            phrase = next((k for k in phrases if _starts(tokens, at, k)), None)
            if phrase is not None:  # "city region" is one term, not a city and a region
                parts = [glossary[phrase]]
                at += phrase.count(" ") + 1
            else:
                parts = [glossary[key] for key in _compound_keys(tokens[at], keys)]
                at += 1
            # a compound's parts make one Finnish compound ("ekosystemavtal" ->
            # ekosysteemisopimus), as the documents write it, when each part has one reading
            whole = len(parts) > 1 and all(len(p) == 1 for p in parts)
            for term in ["".join(p[0] for p in parts)] if whole else [t for p in parts for t in p]:
                if term not in seen:
                    seen.add(term)
                    out.append(term)
    return " ".join(out)


def _starts(tokens: list[str], at: int, phrase: str) -> bool:
    """Whether the words from ``at`` on begin with the phrase's words (each a prefix)."""
    parts = phrase.split()
    return len(tokens) - at >= len(parts) and all(
        token.startswith(part) for token, part in zip(tokens[at:], parts, strict=False)
    )


_MIN_PART = 4  # a compound's later part is read only when it is this long ("avtal", not "en")


def _compound_keys(word: str, keys: list[str]) -> list[str]:
    """The glossary keys a word starts with, and those of its later compound parts.

    Swedish writes compounds as one word ("ekosystemavtal" = ekosystem + avtal): after a key,
    the rest of the word is read again, also past a linking "s" ("stadsstyrelse").
    """
    found: list[str] = []
    rest = word
    while rest:
        key = next((k for k in keys if rest.startswith(k)), None)
        if key is None and found and rest.startswith("s"):
            rest = rest[1:]
            key = next((k for k in keys if rest.startswith(k)), None)
        if key is None:
            break
        found.append(key)
        rest = rest[len(key) :]
        if len(rest) < _MIN_PART:
            break
    return found
