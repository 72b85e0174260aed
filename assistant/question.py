"""Questions before retrieval: cleaning, language, and follow-ups rewritten with their history.

A follow-up ("Entä ensimmäinen?", "Mikä hänen sähköpostiosoitteensa on?") is short or elliptic
and leans on an earlier question. It is retrieved with that question attached; when both name
an ordinal ("toinen" -> "ensimmäinen") the earlier question is rewritten with the new one, so the
answer is about the first call and not the second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.comparison import split_comparison
from assistant.kinds import asked_kinds, frames_kind
from assistant.ordinals import NUMBERED_ASKED, ORDINALS, ordinal_of, picks_listed
from assistant.safety import looks_like_injection
from assistant.wordlists import QUESTION_WORDS
from ingest.errors import QuestionError
from ingest.tokens import STOPWORDS

__all__ = [
    "ORDINALS",
    "Question",
    "asks_alternative",
    "clean",
    "contextualise",
    "detect_language",
    "is_followup",
    "ordinal_of",
    "sub_questions",
    "words",
]

_SPACES = re.compile(r"\s+")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")

_LANG_WORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        """
        about agreement and are call calls can city could did do does for funding how i in is it
        its many much my of on our project projects should the their there to was we were what
        when where which who whom why with you
        """
    ),
    "sv": _wordset(
        """
        ansökan av avtalet den dess det eller en ett finns från för hade har hos hur inom jag
        kan med min mina mitt mycket många när och om projekt på ska skulle som staden stöd till
        utlysning vad var vem vi vilka vilken vilket är öppen öppet
        """
    ),
    "fi": _wordset(
        """
        ei entä haku hanke hankkeen hän hänen ja kanssa ketkä kuinka kuka mihin miksi mikä
        milloin missä mistä miten mitkä mitä myös oli oliko olivat on onko ovat porin rahoitus
        se sekä sen voiko voinko
        """
    ),
}

# Words that make a question lean on an earlier one (fi / en / sv).
_FOLLOWUP_START = re.compile(
    r"^(?:entä|entäs|ja\s+entä|mites|miten\s+(?:sitten|on)|and|what\s+about|how\s+about|"
    r"och|hur\s+är\s+det\s+med|än|samoin)\b",
    re.IGNORECASE,
)
_ANAPHORA = _wordset(
    """
    dem den deras dess det han hans he heidän heille heitä hennes her him his hon hän häneen
    hänelle hänellä häneltä hänen häntä it its ne niiden niihin niille niistä niitä sama
    saman samassa se sen she siellä sieltä siihen siinä siitä sille sillä siltä silloin sinne sitä that
    their them they
    this tuo tuon tähän tämä tämän tässä tästä tätä
    nämä näiden näitä näissä näistä näihin näillä näille nuo noiden noita noissa noista noihin
    noilla noille niissä niillä tuossa tuosta tuohon tuolla
    kukin kunkin kutakin kullekin kustakin kussakin kuhunkin
    """
)
_FOLLOWUP_MAX_WORDS = 4  # a question this short is elliptic when there is history


@dataclass(frozen=True)
class Question:
    """A cleaned question and what retrieval and answering should use."""

    text: str  # the question as asked, cleaned
    language: str  # "fi", "en" or "sv"
    query: str  # what retrieval searches with (may include earlier questions)
    focus: str  # the question the answer must satisfy (a follow-up rewritten when possible)
    followup: bool = False
    history: tuple[str, ...] = ()

    def asking(self, text: str) -> Question:
        """The same question asking ``text`` instead, in the same context (a follow-up's earlier
        questions, or the first part a later part leans on)."""
        return replace(
            self,
            text=text,
            query=self.query.replace(self.text, text),
            focus=self.focus.replace(self.text, text),
        )


def clean(raw: str, max_chars: int) -> str:
    """NFC, control characters removed, whitespace collapsed; raise QuestionError when unusable."""
    if not isinstance(raw, str):
        raise QuestionError("Kysymyksen pitää olla tekstiä.")
    if len(raw) > 4 * max_chars:  # far too long even with padding: refuse before per-character work
        raise QuestionError(
            f"Kysymys on liian pitkä ({len(raw)} merkkiä). Lyhennä se alle {max_chars} merkkiin."
        )
    text = unicodedata.normalize("NFC", raw)
    text = "".join(
        " " if ch in "\t\n\r\v\f" else ch
        for ch in text
        if ch in "\t\n\r\v\f" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    )
    text = _SPACES.sub(" ", text).strip()
    if not text:
        raise QuestionError("Kysymys on tyhjä. Kirjoita kysymys Porin ekosysteemisopimuksesta.")
    if len(text) > max_chars:
        raise QuestionError(
            f"Kysymys on liian pitkä ({len(text)} merkkiä). Lyhennä se alle {max_chars} merkkiin."
        )
    return text


def words(text: str) -> list[str]:
    """Lowercase word and number tokens."""
    return [w.lower() for w in _WORD.findall(text)]


def _language_counts(text: str) -> dict[str, int]:
    tokens = words(text)
    counts = {lang: sum(t in vocab for t in tokens) for lang, vocab in _LANG_WORDS.items()}
    if "å" in text.lower():
        counts["sv"] += 1
    return counts


def detect_language(text: str) -> str:
    """ "fi", "en" or "sv" by counting common words; Finnish when unsure."""
    counts = _language_counts(text)
    best = max(("fi", "en", "sv"), key=lambda lang: counts[lang])
    return best if counts[best] > counts["fi"] else "fi"


def is_followup(text: str) -> bool:
    """Whether a question looks elliptic: "Entä ...?", a pronoun, or only a few words."""
    return points_back(text) or _few_words(text)


def points_back(text: str) -> bool:
    """Whether a question starts like a follow-up ("Entä ...?") or has a pronoun."""
    if _FOLLOWUP_START.search(text):
        return True
    tokens = words(text)
    return any(t in _ANAPHORA for t in tokens) or any(
        t.startswith(("häne", "hänelle")) for t in tokens
    )


def _few_words(text: str) -> bool:
    """Whether a question has only a few words, none long enough to name a thing of its own."""
    tokens = words(text)
    return len(tokens) <= _FOLLOWUP_MAX_WORDS and not any(len(t) >= 14 for t in tokens)


_QUESTION_WORD = (
    r"(?:kuka|ketkä|kenen|kenelle|keneltä|keneen|kehen|kenet|kenestä|"
    r"ketä|keiden|mikä|mitkä|mitä|minkä|minä|millä|mille|millai\w*|"
    r"milloin|koska|missä|mistä|mihin|miten|montako|mon(?:essa|esta|een|ella|elle|en)ko|kuinka|"
    r"paljonko|who|what|when|where|which|how|"
    r"vem|vad|när|var|vilka|hur)\b"
)
# "koskeeko", "voiko"; not "koko" nor a noun in -kko ("joukko"): "... ja koko Suomella on ..."
_YES_NO_VERB = r"(?!koko\b)[a-zåäö]{2,}(?<!k)(?:ko|kö)"
_ALTERNATIVE = rf",\s+(?:vai|or|eller)\s+(?={_QUESTION_WORD})"
# "... ja suunnilleen paljonko ...?", "... and roughly what ...?": an adverb before the asking word
_ASIDE = (
    r"(?:(?:myös|lisäksi|vielä|sitten|suunnilleen|noin|also|roughly|approximately|then|"
    r"också|även|ungefär)\s+)?"
)
_PART_SPLIT = re.compile(
    rf",?\s+(?:ja|sekä|and|och)\s+(?={_ASIDE}{_QUESTION_WORD}|{_YES_NO_VERB}\s)|"  # or yes/no
    # "Saako siitä yritystukea, vai millaista rahoitusta se on?": the alternative asks too
    rf"{_ALTERNATIVE}",
    re.IGNORECASE,  # ("koskeeko se")
)
_INTERROGATIVE = re.compile(rf"\b{_QUESTION_WORD}", re.IGNORECASE)


def asks_alternative(text: str) -> bool:
    """Whether a question offers an open question as the alternative of a yes/no one ("Saako
    siitä yritystukea, vai millaista rahoitusta se on?"): the open question is what it asks."""
    return re.search(_ALTERNATIVE, text, re.IGNORECASE) is not None


_YES_NO_START = re.compile(rf"{_YES_NO_VERB}\b|(?:is|are|can|does|do|är|kan)\b", re.IGNORECASE)
_MIN_PART_WORDS = 2


def sub_questions(question: Question) -> list[Question]:
    """A question that asks two things ("Kuka ... ja montako ...?") as two questions.

    The later parts are retrieved together with the first one, which gives their context
    ("... ja mistä se tulee?").
    """
    if looks_like_injection(question.text):
        return [question]  # an injection is refused as a whole, never answered in part
    if question.followup:
        return _followup_parts(question)
    parts = _parts(question.text)
    # "A verrattuna B:hen": the same question about A and about B; a later part ("..., ja mikä on
    # koko Suomen tavoite?") is asked on its own
    compared = split_comparison(parts[0], question.language)
    if compared is not None:
        halves = [replace(question, text=t, query=t, focus=t) for t in compared]
        return halves + _leaning(question, parts)[1:]
    elliptic = _ENTA_TAIL.match(question.text)
    if elliptic is not None:
        # "Mikä on Porin seudun hiilineutraaliustavoite, entä koko Suomen?": the same question
        # about another thing
        first = f"{elliptic.group('first')}?"
        again = _rewrite_genitive(first, elliptic.group("enta"))
        if again is not None:
            return [
                replace(question, text=first, query=first, focus=first),
                replace(
                    question,
                    text=elliptic.group("enta"),
                    query=again,
                    focus=again,
                    followup=True,
                ),
            ]
    if len(parts) < 2:
        return [question]
    return _leaning(question, parts)


def _leaning(question: Question, parts: list[str]) -> list[Question]:
    """The parts as questions, a later part that leans on the first one retrieved with it."""
    out = []
    for i, part in enumerate(parts):
        # "... ja mistä se tulee?" leans on the first part; "... ja milloin se toinen haku
        # päättyi?" names its own subject
        # (a short part may name its own thing: "..., ja mikä taho välittää rahoituksen?")
        leans = (
            i > 0
            and (
                points_back(part)
                or (_few_words(part) and not _names_own_thing(part))
                # "... ja paljonko liikevaihtoa?": two words ask about the first part's subject
                or len(words(part)) <= _MIN_PART_WORDS
                or _names_nothing(part)
            )
            and ordinal_of(part) is None
        )
        context = parts[0] if leans else ""
        focus = f"{parts[0]} {part}" if leans else part
        out.append(
            Question(
                text=part,
                language=question.language,
                query=f"{context} {part}".strip(),
                focus=focus,
                followup=question.followup or leans,
                history=question.history,
            )
        )
    return out


# "Haluaisin kaksi lukua: A ja B.": a request announcing how many things it asks, then listing
# them after a colon (a question that lists things to check, "Mitkä ovat ...: A ja B?", is no list
# of asks: the lead-in asks nothing itself)
_LISTED = re.compile(
    r"^[^?:]*\b(?P<count>kaksi|kolme|kahta|kolmea|two|three|två|tre)\s+[^\W\d_]+\s*:\s*"
    r"(?P<items>[^:?.!]+?)\s*[.?!]*\s*$",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:(?:ja|sekä|and|och)\s+)?|\s+(?:ja|sekä|and|och)\s+", re.I)
_WHAT_IS = {"fi": "Mikä on", "en": "What is", "sv": "Vad är"}
_COUNT = {"kaksi": 2, "kahta": 2, "two": 2, "två": 2, "kolme": 3, "kolmea": 3, "three": 3, "tre": 3}


def _listed(text: str) -> list[str]:
    """The things a counted list after a colon asks for, each as a question ("Mikä on A?")."""
    listed = _LISTED.match(text)
    if listed is None or _INTERROGATIVE.search(text[: listed.start("items")]):
        return []
    items = [i for i in _ITEM_SPLIT.split(listed.group("items")) if i]
    # as many items as announced ("kaksi asiaa: teknologiametallit ja kiertotalous" is one)
    if len(items) != _COUNT[listed.group("count").lower()] or any(len(words(i)) < 2 for i in items):
        return []
    what = _WHAT_IS[detect_language(text)]
    # an item that is a question of its own ("kaksi kysymystä: milloin ... ja kuka ...?") is asked
    # as it is
    return [
        f"{item}?" if _INTERROGATIVE.match(item) or _YES_NO_START.match(item) else f"{what} {item}?"
        for item in items
    ]


# things asked by two numbers ("toimintalinjat 1 ja 2", "priority axes 1 and 2")
_NUMBER_PAIR = re.compile(
    r"(?<=[^\W\d_]{4}\s)(?P<a>[1-6])\s+(?:ja|sekä|and|och|&)\s+(?P<b>[1-6])\b", re.IGNORECASE
)


# "kaksi ensimmäistä toimintalinjaa", "the first two priority axes", "de två första
# insatsområdena": the things numbered 1 and 2
_FIRST_TWO = re.compile(
    r"\b(?:kaksi\s+ensimmäistä|(?:the\s+)?first\s+two|(?:de\s+)?två\s+första)\s+"
    r"(?P<head>(?:[^\W\d_]+\s+)?[^\W\d_]{4,})",
    re.IGNORECASE,
)


def _each_number(part: str) -> list[str]:
    """A question about two numbered things as one question about each ("Mitkä ovat
    toimintalinjat 1 ja 2?" -> "... toimintalinjat 1?", "... toimintalinjat 2?"): no sentence
    of the documents names both."""
    first_two = _FIRST_TWO.search(part)
    if first_two is not None:  # "the first two priority axes": priority axes 1 and 2
        before, after = part[: first_two.start()], part[first_two.end() :]
        return [f"{before}{first_two.group('head')} {n}{after}" for n in ("1", "2")]
    pair = _NUMBER_PAIR.search(part)
    if pair is None:
        return [part]
    return [part[: pair.start()] + pair.group(n) + part[pair.end() :] for n in ("a", "b")]


def _parts(text: str) -> list[str]:
    """The questions a text asks, each ending with "?" (one when it asks one thing)."""
    listed = _listed(text)
    if listed:
        return listed
    parts = [p.strip(" ,") for p in _PART_SPLIT.split(text)]
    if len(parts) < 2 or any(len(words(p)) < _MIN_PART_WORDS for p in parts):
        parts = [text]
    parts = [q for p in parts for q in _each_number(p)]
    return [p if p.endswith("?") else p + "?" for p in parts]


_PART_LONG_WORD = 11
_LONG_ASKING = tuple(w for w in QUESTION_WORDS if len(w) >= 6)  # "lisätieto", "tarkoittaa"


def _names_own_thing(part: str) -> bool:
    """Whether a part has a long word that names a thing, not one that only asks
    ("rahoituksen", not "lisätietoja")."""
    return any(
        len(w) >= _PART_LONG_WORD and not w.lower().startswith(_LONG_ASKING) for w in words(part)
    )


def _names_nothing(part: str) -> bool:
    """Whether a later part of a question has only words that ask ("..., ja mihin mennessä
    hakemukset pitää jättää?": a deadline, of the call the first part names)."""
    kinds = asked_kinds(part)
    return bool(kinds) and all(
        w.lower() in QUESTION_WORDS or w.lower() in STOPWORDS or frames_kind(w, kinds)
        for w in words(part)
    )


def _followup_parts(question: Question) -> list[Question]:
    """A follow-up asking two things ("Entä kuinka monta hakemusta sinne tuli ja montako niistä
    rahoitettiin?"): each part leans on the same earlier questions."""
    parts = _parts(question.text)
    if len(parts) < 2 or question.text not in question.focus:  # one thing, or rewritten
        return [question]
    return [question.asking(part) for part in parts]


def _context(history: Sequence[str]) -> list[str]:
    """The earlier questions a follow-up leans on: back to the last self-standing one (max 2)."""
    context: list[str] = []
    for earlier in reversed(history):
        context.insert(0, earlier)
        if len(context) >= 2 or not is_followup(earlier):
            break
    return context


def _rewrite_ordinal(previous: str, current: str) -> str | None:
    """The previous question with its ordinal replaced by the current one's, when both have one.

    An earlier thing named by number takes the new one's number ("Mikä on toimintalinja 1?",
    "Entäs kakkonen?" -> "Mikä on toimintalinja 2?"). An ordinal picking one of the listed
    things ("Entä ensimmäinen niistä?") rewrites nothing.
    """
    now = ordinal_of(current)
    if now is None or picks_listed(current):
        return None
    before = ordinal_of(previous)
    if before is None:
        # a thing named by a digit ("toimintalinja 1")
        numbered = next((m for m in NUMBERED_ASKED.finditer(previous) if m[2].isdigit()), None)
        number = [name for name, _ in ORDINALS].index(now[0]) + 1
        if numbered is None or numbered.group(2) == str(number):
            return None
        start, end = numbered.span(2)
        return previous[:start] + str(number) + previous[end:]
    if now[0] == before[0]:
        return None
    start, end = before[1].span()
    return previous[:start] + now[1].group(0).lower() + previous[end:]


_ENTA_TAIL = re.compile(
    r"^(?P<first>[^?]*[^\s?,]),\s+(?P<enta>entä(?:s|pä)?\s+[^,?]+\?)\s*$", re.IGNORECASE
)
# "Entä koko Suomen?", "Entäs Tampereen?": a genitive in place of the earlier question's
_ENTA_GENITIVE = re.compile(
    r"^\s*(?:no\s+|ja\s+)?entä(?:s|pä)?\s+(?P<np>(?:[\wåäö-]+\s+){0,2}[\wåäö-]{3,}n)\s*\??\s*$",
    re.IGNORECASE,
)
_GENITIVE_WORD = re.compile(r"[\wåäö:-]{3,}n", re.IGNORECASE)


def _rewrite_genitive(previous: str, current: str) -> str | None:
    """The previous question with its genitive modifiers replaced by the current one's.

    "Mikä on Porin seudun teollisuuden hiilineutraaliustavoite?", "Entä koko Suomen?" -> "Mikä on
    koko Suomen hiilineutraaliustavoite?": the last run of genitives before a noun (not the
    verb "on", nor a pronoun) is what the new genitive replaces.
    """
    match = _ENTA_GENITIVE.match(current)
    if match is None or any(w in _ANAPHORA for w in words(match.group("np"))):
        return None
    tokens = list(re.finditer(r"[\wåäö:-]+", previous))
    run: list[re.Match[str]] = []
    last: tuple[int, int] | None = None
    for token in tokens:
        word = token.group(0)
        if _GENITIVE_WORD.fullmatch(word) and word.lower() not in _NOT_GENITIVE:
            run.append(token)
            continue
        if run:
            last = (run[0].start(), run[-1].end())
        run = []
    if last is None:
        return None
    before = previous[: last[0]].split()
    replaced = previous[last[0] : last[1]]
    # a name for a name, a common noun for a common noun; never part of a longer name
    # ("Teemu Heinon puhelinnumero")
    if match.group("np").split()[-1][0].isupper() != replaced[0].isupper() or (
        before and before[-1][0].isupper() and len(before) > 1
    ):
        return None
    return previous[: last[0]] + match.group("np") + previous[last[1] :]


_NOT_GENITIVE = frozenset({"on", "ovat", "oli", "olivat", "sen", "hänen"}) | {
    w for w in QUESTION_WORDS if w.endswith("n")
}


def contextualise(text: str, history: Sequence[str] = ()) -> Question:
    """Build the :class:`Question`: for a follow-up, retrieval also sees the earlier questions."""
    language = detect_language(text)
    earlier = tuple(h for h in (_SPACES.sub(" ", str(h)).strip() for h in history) if h)
    if not earlier or not is_followup(text):
        return Question(text=text, language=language, query=text, focus=text, history=earlier)
    context = _context(earlier)
    if not any(_language_counts(text).values()):  # too short to tell: "Entä Turku?"
        language = detect_language(" ".join(context))
    rewritten = _rewrite_ordinal(context[-1], text) or _rewrite_genitive(context[-1], text)
    if rewritten is not None:
        query = " ".join([*context[:-1], rewritten])
        return Question(
            text=text,
            language=language,
            query=query,
            focus=rewritten,
            followup=True,
            history=earlier,
        )
    query = " ".join([*context, text])
    return Question(
        text=text,
        language=language,
        query=query,
        focus=" ".join([*context, text]),
        followup=True,
        history=earlier,
    )
