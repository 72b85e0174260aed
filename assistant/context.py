"""The asking part of a question and its context: sentences, lead-ins and introductions.

"Hei, täällä asiakaspalvelusta. Asiakas soitti ... Pitääkö tämä paikkansa?": the last sentence
asks, the others give context. "Olen toimittaja Satakunnan Kansasta: kenen kanssa ...?": the
lead-in before the colon only says who asks. Greetings, thanks and the lead-in of a reported
question ("asiakas kysyy puhelimessa:") frame a question without adding to it: :func:`unframed`
drops them before the question is analysed.
"""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# interrogatives, also with the spoken clitic ("mikäs", "mitäs", "milloinkas") and "entä"
_ASKING_WORD = (
    r"(?:(?:kuka|ketkä|kenen|kenelle|keneltä|keiden|kenestä|kehen|kenet|ketä|mikä|mitkä|mitä|"
    r"minkä|minä\s+(?:päivänä|päivämääränä|vuonna|aikana)|millä|mille|miltä|millai\w*|mink\w+|"
    r"milloin|missä|mistä|mihin|miten|kuinka|paljonko|montako|moniko|voiko|voinko|voimmeko|"
    r"mon(?:essa|esta|een|ella|elle|en)ko|"
    r"saako|saanko|onko|entä)(?:s|kas|käs)?|"
    r"who|what|when|where|which|how|vem|vad|när|var|vilka|hur)"
)
_INTRODUCTION = re.compile(
    r"\s*(?:(?:hei|moi|terve|hyvää päivää|hello|hi|hej)\b[,!.]?\s*)?"
    # "Mä oon ...", "Me ollaan ...", "Minä olen ..." (not "Minä päivänä ...?", which asks)
    r"(?:olen|olemme|(?:mä|me)\b|minä\b(?!\s+(?:päivänä|päivämääränä|vuonna|aikana))|oon|"
    r"ollaan|edustan|edustamme|"
    # what the asker is making ("Teen aikajanaa ...", "Kirjoitan juttua ...")
    r"teen|teemme|kirjoitan|kirjoitamme|valmistelen|valmistelemme|laadin|laadimme|kokoan|"
    r"työskentelen|täällä|meil(?:lä)? on|i am|i'm|we are|our|my|"
    r"jag är|vi är|vårt|vår|mitt|min|"
    # "I work at a company in Pori.", "Jag jobbar på ett företag i Björneborg."
    r"(?:i|we|jag|vi) (?:work|run|represent|jobbar|arbetar|driver|representerar)|"
    # the asker's own organisation ("Tutkimusryhmämme SAMKissa haluaisi ...")
    r"[a-zåäö]*(?:ryhmä|yritykse|firma|koulu|oppilaitokse|tiimi|yhdistykse|organisaatio|yksikkö|"
    r"laboratorio|startupi|kunta|seura)mme)\b|"
    # "Toimittaja Satakunnan Kansasta täällä.": who is speaking, said before "täällä"
    r"[^?.!]{0,60}\btäällä[.!]?\s*$",
    re.IGNORECASE,
)
# a reporting verb before an indirect question ("... mutta hän ei tiedä kenen välinen ...")
_REPORTING = (
    r"(?:ei(?:vät)? tiedä|halua(?:a|vat|isi|isivat|n|isin|isimme) tietää|"
    r"kysy(?:y|i|vät|ttiin|n|isin)|miettii|mietin|mietimme|pohtii|pohdin|pohdimme|"
    r"ihmettelee|ihmettelen|tiedustel(?:ee|i))"
)
# a yes/no question verb ("voidaanko", "onks", "saako"): after a comma, the question starts
_YES_NO = r"[^\W\d_]{2,}(?:ko|kö|ks)\b"
# a statement before a dash ("Porin EAKR-rahoitus on ... rahaa – kuinka suuri osa ...?")
# a statement of three words or more ("Toisen haun hakemukset piti jättää Satakuntaliittoon")
_STATED = r"[^\W\d_][\w-]*(?:\s+[^\s–—?]+){2}[^–—?]*"
_LEAD_IN = re.compile(
    # ("Teknologiametalleissa on 3 000 työpaikkaa, mutta paljonko ...?": what is known, then
    # the question)
    rf"[:;]\s+|,\s+(?:mutta\s+)?(?={_ASKING_WORD}\b|{_YES_NO})|"
    # "asiakas kysyy puhelimessa, että minkä ...": up to three words and "että" may follow
    rf"\b{_REPORTING}(?:\s+[^\W\d_]+){{0,3}}?,?(?P<reported>\s+(?:et(?:tä)?\s+)?)(?={_ASKING_WORD}\b)|"
    rf"{_STATED}(?P<dash>\s+[–—]\s+)(?={_ASKING_WORD}\b)",
    re.IGNORECASE,
)
_INTERROGATIVE = re.compile(rf"\b{_ASKING_WORD}\b|\?", re.IGNORECASE)
# pronouns that point back to a thing named before ("... omat kärjet – mitkä ne ovat?")
_POINTS_BACK = re.compile(
    r"\b(?:se|sen|sitä|siinä|siitä|siihen|sille|siltä|ne|niiden|niitä|niissä|niihin|niille|niiltä)\b",
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"\s*(?:kerro|selitä|selvitä|listaa|luettele|anna|näytä|tell|explain|list|describe|give|"
    r"show|berätta|förklara|ge)\b",
    re.IGNORECASE,
)


def split_context(text: str) -> tuple[str, str]:
    """A question's asking sentences and its context sentences (empty when it has none).

    A sentence asks when it ends with "?" or starts with a request ("Kerro ...", "Tell me ...").
    When no sentence asks, or every sentence does, the whole text asks.
    """
    sentences = _pieces(text)
    asking = [s for s in sentences if s.rstrip().endswith("?") or _REQUEST.match(s)]
    if not asking or len(asking) == len(sentences):
        return text, ""
    return " ".join(asking), " ".join(s for s in sentences if s not in asking)


# "As a visiting researcher at SAMK I ...", "Som forskare på SAMK undrar jag ...": a role
# phrase before the asker's own "I" (in Swedish, before the verb and "jag") introduces them
# inside the question sentence
_ROLE_PHRASE = re.compile(
    r"^\s*(?:(?:hi|hello|hej)\b[,!.]?\s*)?(?:as an?|som)\s[^,?]*?(?=,|\s(?:I|we|jag|vi)\s|\s\w+\s(?:jag|vi)\b)",
    re.IGNORECASE,
)


def without_introductions(text: str) -> str:
    """The text without the sentences in which the asker introduces themselves.

    "Olen toimittaja Satakunnan Kansasta: kenen kanssa ...?": the newspaper's name is no name the
    answer must carry; nor is SAMK in "As a researcher at SAMK I missed ... - when ...?".
    """
    kept = [
        _ROLE_PHRASE.sub("", p)
        for p in _pieces(text)
        if p.rstrip().endswith("?") or not _INTRODUCTION.match(p)
    ]
    return " ".join(kept) if kept else text


def _pieces(text: str) -> list[str]:
    """The sentences of a text, each question's lead-in split off as a piece of its own."""
    return [p for s in _SENTENCE.split(text.strip()) if s for p in _lead_in(s)]


def _lead_in(sentence: str) -> list[str]:
    """A question sentence with its lead-in split off, which is context like a sentence of its own.

    "Olen toimittaja Satakunnan Kansasta: kenen kanssa ...?" and "moi, meil on pieni konepaja
    porissa, ketkä niitä hankkeita toteuttaa?": the part before the colon or semicolon, or before
    a comma that starts the question with an interrogative, only says who asks or what is known.
    """
    if not sentence.rstrip().endswith("?"):
        return [sentence]
    match = _LEAD_IN.search(sentence)
    if match is None or _INTERROGATIVE.search(sentence[: match.start()]):
        return [sentence]
    if (
        match.group("dash")
        and points_back(_first_ask(sentence[match.end() :]))
        and not _INTRODUCTION.match(sentence[: match.start("dash")])
    ):
        # the statement names what the question points back to (what the asker says of their
        # own work, "Teen aikajanaa Porin sopimuksesta – ...", is context all the same)
        return [sentence]
    separator = next((g for g in ("reported", "dash") if match.group(g)), None)
    cut = match.start(separator) if separator else match.start() + 1  # keep ":" or ","
    return [sentence[:cut].strip(), sentence[match.end() :].strip()]


# "..., ja minä päivänä valtioneuvosto hyväksyi sen ohjelman?": a second question, whose pronoun
# may point back to the first one
_NEXT_ASK = re.compile(rf",?\s+(?:ja|sekä|and|och)\s+(?={_ASKING_WORD}\b)", re.IGNORECASE)


def _first_ask(question: str) -> str:
    """The first of the questions a sentence asks."""
    return _NEXT_ASK.split(question, maxsplit=1)[0]


# "Kuinka moni jäi nuolemaan näppejään – eli montako hakemusta tuli?": "eli" restates a question
_RESTATED = re.compile(rf"\s*[–—,]\s+(?:eli|siis)\s+(?={_ASKING_WORD}\b)", re.IGNORECASE)


def restated(question: str) -> str:
    """The restatement of a question that says it again in other words, or the question."""
    parts = _RESTATED.split(question, maxsplit=1)
    return parts[-1] if len(parts) > 1 and _INTERROGATIVE.search(parts[0]) else question


def points_back(question: str) -> bool:
    """Whether a question points back with a pronoun ("mitkä ne ovat?") to a thing named before."""
    return _POINTS_BACK.search(question) is not None


# a statement of what the asker knows: not a greeting, an introduction, a report of who asked
# ("asiakas kysyy") nor a hedge ("Kuulin, että ...", which is checked like any statement)
_NO_PREMISE = re.compile(
    rf"\b(?:{_REPORTING}|kysy\w*|soitti|soittaa|tarvitsen|tarvitsemme|haluan|haluamme|haluaisin|"
    r"suunnittele\w*|mietimme|mietin)\b",
    re.IGNORECASE,
)
_MIN_PREMISE_WORDS = 4


def premise(text: str) -> str:
    """What a question states as known before it asks ("Kasvun ekosysteemi -hankkeen tavoite
    liittyy invest in -ympäristöön; mikä taas ...?"), or "" when it states nothing checkable.

    The statement is checked against the documents and, when they say it, quoted before the
    answer; the asker's introduction and plans are no statements about the documents.
    """
    _, context = split_context(text)
    kept = [
        p.rstrip(" ,;:–—-")
        for p in _pieces(context)
        if not _INTRODUCTION.match(p) and not _NO_PREMISE.search(p)
    ]
    return " ".join(p for p in kept if len(p.split()) >= _MIN_PREMISE_WORDS)


# pieces that only greet or thank ("Hei!", "Kiitos jo etukäteen vastauksesta!")
_GREETING = re.compile(
    r"\s*(?:(?:hei|heippa|moi|moikka|moro|morjens|terve|hyvää|päivää|huomenta|iltaa|hello|hi|"
    r"hey|hej|hejsan|god|dag|morgon)\b[\s,!.]*)+$",
    re.IGNORECASE,
)
_THANKS_TO_END = r"(?:kiitos|kiitoksia|kiitti|thanks|thank you|tack)\b[^?]*$"
_THANKS = re.compile(rf"\s*{_THANKS_TO_END}", re.IGNORECASE)
_TRAILING_THANKS = re.compile(rf"(?<=\w)\s+{_THANKS_TO_END}", re.IGNORECASE)
# why the asker needs the answer, said after it ("..., tarvitsen sen pöytäkirjaviitettä varten?")
_TRAILING_NEED = re.compile(
    r",\s+(?:koska\s+)?(?:tarvitse(?:n|mme)|tarvitsisi(?:n|mme))\s+(?:sen|sitä|ne|niitä|tämän|"
    r"tiedon|päivämäärän|vastauksen)\b[^?,]*(?=\?\s*$)",
    re.IGNORECASE,
)
# a letter's salutation and signature ("Hyvä vastaanottaja, ...", "... Ystävällisin terveisin,
# Pekka") and a sentence announcing what follows ("Meillä on pohdittu seuraavaa.")
_SALUTATION = re.compile(
    r"^\s*(?:(?:hyvä|arvoisa)\s+(?:vastaanottaja|lukija|asiakaspalvelu\w*|neuvo\w*|"
    r"pori-neuvoja)|(?:dear|bästa|kära)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*,\s*",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?<=[\w?.!])\s+(?:(?:ystävällisin|parhain|lämpimin|best|kind|med vänliga)\s+)?"
    r"(?:terveisin|t\.|regards|hälsningar)(?:\s*,?\s*[^\W\d_]+){0,3}\s*[.!]?\s*$",
    re.IGNORECASE,
)
# a reported question split off after its verb ("... ja mietin | et kenelle ...?")
_ENDS_ANNOUNCING = re.compile(rf"\b{_REPORTING}(?:\s+[^\W\d_]+){{0,3}}\s*$", re.IGNORECASE)
_FOLLOWING = re.compile(r"\b(?:seuraava[a-zäö]*|following|följande)\s*[.:]\s*$", re.IGNORECASE)
# "Toimittaja tässä, hei.": a few words saying who speaks, with "tässä" (or "täällä") last
_SPEAKER = re.compile(
    r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s+(?:tässä|täällä)\b[\s,!.]*"
    r"(?:(?:hei|moi|terve)\b[\s,!.]*)?$",
    re.IGNORECASE,
)
# the lead-in of a question someone else asked, or that the asker announces ("asiakas kysyy
# puhelimessa:", "tarvitsisin tarkan tiedon:")
_ANNOUNCES = re.compile(
    rf"\b(?:{_REPORTING}|kysy\w*|tarvitsi\w*|tarvitsen|tarvitsemme|mieti\w*|pohdi\w*|"
    r"ihmettel\w*|halua\w* tietää|haluaisin tiedon|haluaisin kysyä|"
    r"asks?|asked|(?:wants?|would like) to know|wonder(?:s|ing)?|frågar|undrar|vill veta)\b",
    re.IGNORECASE,
)


def unframed(text: str) -> str:
    """The question without the words that only frame it socially: greetings, thanks, "X
    tässä." and the lead-in of a reported or announced question ("Olen kaupungin
    asiakaspalvelussa, ja asiakas kysyy puhelimessa: mistä ...?" -> "mistä ...?").

    Such words say nothing about what is asked, but they weigh in retrieval and in word
    coverage: with them a question about T&K spending was matched to the sample-material notice
    (it names "asiakaspalvelu"). A lead-in is kept when the question points back to it ("...
    kysyy siitä haussa: milloin se päättyi?") and the whole text is kept when nothing with a
    word would remain.
    """
    # a question typed without "?" still has its lead-in ("asiakas kysyy: mitkä on porin
    # painopistealuet") and may end in thanks ("... organisatio kiitos etukäteen")
    asked = _SALUTATION.sub("", _SIGN_OFF.sub("", text))
    asked = _TRAILING_NEED.sub("", _TRAILING_THANKS.sub("", asked)) or text
    # "Asiakas kysyy puhelimessa, kuinka pitkään ...?": a reported question after a comma
    reported = _REPORTED_LEAD.match(asked)
    if reported and not (
        points_back(asked[reported.end() :]) and _names_something(reported.group("after"))
    ):
        asked = asked[reported.end() :]
    bare = not asked.rstrip().endswith(("?", ".", "!"))
    pieces = _pieces(asked + "?" if bare else asked)
    if bare and pieces:
        pieces[-1] = pieces[-1][:-1]
    kept: list[str] = []
    for i, piece in enumerate(pieces):
        if _GREETING.match(piece) or _SPEAKER.match(piece):
            continue
        if _THANKS.match(piece) and not _INTERROGATIVE.search(piece):
            continue
        rest = " ".join(pieces[i + 1 :])
        if rest and _FOLLOWING.search(piece):  # "... on pohdittu seuraavaa." announces it too
            kept.clear()
            continue
        lead_in = bool(rest) and (
            piece.rstrip().endswith((":", ",")) or _ENDS_ANNOUNCING.search(piece) is not None
        )
        announced = _ANNOUNCES.search(piece) if lead_in else None
        if announced and not (points_back(rest) and _names_something(piece[announced.end() :])):
            kept.clear()  # what was said before the announcement framed it too
            continue
        kept.append(piece)
    if len(kept) == len(pieces):
        if asked == text:
            return text  # nothing dropped: the text as it was, dashes and all
        kept = [asked]
    out = " ".join(kept).strip()
    if not _WORD_IN.search(out):
        return text
    # the question now stands alone: it starts with a capital when the asker writes that way
    # ("Hei! ... kysyy: mikä on ...?" -> "Mikä on ...?", "moi, mitä ...?" -> "mitä ...?");
    # the embedding model tells case apart
    return out[0].upper() + out[1:] if text.lstrip()[:1].isupper() else out


_WORD_IN = re.compile(r"[^\W\d_]{2,}")
# up to three words, a reporting verb, up to two words of where or how, a comma, the question
_REPORTED_LEAD = re.compile(
    rf"^\s*(?:[^\W\d_]+\s+){{0,3}}?{_REPORTING}(?P<after>(?:\s+[^\W\d_]+){{0,2}}?),\s+"
    rf"(?={_ASKING_WORD}\b)",
    re.IGNORECASE,
)
_AT_PLACE = re.compile(r"^(?:puhelimessa|tänään|juuri|minulta|meiltä|multa|että)$", re.IGNORECASE)


def _names_something(after_verb: str) -> bool:
    """Whether the words after an announcing verb name a thing a pronoun could point back to
    ("kysyy siitä toisesta hausta:"), not just where or how it was asked ("kysyy puhelimessa:")."""
    words = [w for w in _WORD_IN.findall(after_verb) if not _AT_PLACE.match(w)]
    return len(words) >= 2
