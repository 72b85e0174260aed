"""Eligibility questions ("Onko hankkeeni rahoituskelpoinen?") answered as a cited checklist.

The documents give criteria, not decisions: the thematic focus areas, who implements projects,
the call period, where the money comes from and the programme projects must also implement.
Each criterion is found by retrieval with a fixed Finnish query and quoted with its citation;
the call period is compared with today's date, and the contact person is given as the next step.
The checklist never says a project *is* eligible: the funding authority decides that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from assistant.compose import blocks, citation, render_block
from assistant.criteria import CHECKLIST_TEXT, CRITERIA, GENERIC, Criterion
from assistant.engine import Engine
from assistant.index import LoadedIndex
from assistant.question import Question, asks_alternative, ordinal_of
from assistant.safety import looks_like_injection
from assistant.sentencebank import ChunkSentences, Sentence
from assistant.terms import QWord, is_specific, question_words, word_credit
from ingest.models import Chunk, Citation

# ("ehditäänkö", "ehtiikö se vielä ... -hakuun", "ehtisinkö")
_IN_TIME = r"\beh(?:di|ti)\w*kö\b.{0,60}\b(?:hake|hakuun|hakea|jättä)"
ELIGIBILITY = re.compile(
    r"rahoituskelpoi|\bkelpoinen|\bkelpaa|\bkelpaako|\bkelvollinen|"
    r"\bvoi(?:nko|ko|mmeko|vatko|kohan|sinko)\b.{0,60}\b(?:hakea|hakemaan|saada|osallistua)|"
    r"\bsaa(?:nko|ko|mmeko|vatko)\b.{0,40}(?:rahoitu|tuke|tuki|hakea)|"
    r"\bsopii(?:ko)?\b.{0,40}(?:haku|hauss|hakuun|rahoitu|ohjelma)|\bsopiiko\b|"
    r"\beligib|\bqualif|\bcan (?:i|we|my|our|a|an)\b.{0,40}\b(?:apply|get funding|receive funding)|"
    r"\bkan (?:jag|vi|mitt|vårt|ett|en)\b.{0,40}\b(?:söka|ansöka|få (?:stöd|finansiering))|"
    r"\bonko\b.{0,100}\b(?:mukai\w*|linjassa|yhteensopiva\w*)|\bsoveltuu(?:ko)?\b.{0,40}"
    r"(?:haku|hauss|hakuun|rahoitu|ohjelma|painopist)|\bsopisiko\b|\bkäykö\b.{0,40}(?:hakuun|"
    r"rahoitu)|\bberättigad|\bstödberättigad|"
    # "Ehdinkö vielä jättää hakemuksen ...?": whether the call is still open
    rf"{_IN_TIME}|"
    r"\b(?:voi(?:nko|ko|mmeko|vatko)|saa(?:nko|ko|mmeko))\b.{0,60}\bjättää\b.{0,20}\bhakemu|"
    # "voiks meidän ammattiopisto olla toteuttajana ...?": whether the asker may implement one
    r"\b(?:voi|pääs|saa)\w*(?:ko|kö|ks)\b.{0,60}\btoteuttaj|"
    # "Osuuko robotiikkaprojektimme painopisteisiin?", "Olisiko se sopinut haun painotuksiin?"
    r"\bosu(?:uko|isiko)\b.{0,80}(?:painopist|painotu|hakuun|rahoitu)|"
    r"\bolisi(?:ko|kohan)\b.{0,80}\bsopi(?:nut|va)\b.{0,40}(?:painopist|painotu|hakuun|rahoitu)|"
    r"\bcan (?:i|we|my|our|a|an)\b.{0,40}\b(?:be an? implementer (?:of|in)|implement|carry out) (?:a |the )?project|"
    r"\bkan (?:jag|vi|mitt|vårt|ett|en)\b.{0,40}\bgenomföra (?:ett |projekt)",
    re.IGNORECASE,
)
_IN_TIME_RE = re.compile(_IN_TIME, re.IGNORECASE)
_RANGE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})?\s*[–-]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})")
Pick = tuple[Chunk, Sentence]


def is_eligibility(text: str) -> bool:
    """Whether a question asks if a project or applicant can get funding (and gives no orders).

    "Saako siitä suoraa yritystukea, vai millaista rahoitusta se on?" asks what kind of funding
    it is: an open alternative is answered like any question, part by part.
    """
    return (
        ELIGIBILITY.search(text) is not None
        and not looks_like_injection(text)
        # "Ehdinkö vielä tammikuussa 2024 jättää hakemuksen, vai mihin asti haku oli auki?": the
        # checklist's application period answers the alternative too
        and (not asks_alternative(text) or _IN_TIME_RE.search(text) is not None)
    )


def _has_term(terms: frozenset[str], term: str) -> bool:
    """The term, a word sharing its first five letters, or a compound ending in it."""
    return term in terms or any(
        t.startswith(term[:5]) or (len(t) >= len(term) + 3 and t.endswith(term)) for t in terms
    )


def _needs_met(sentence: Sentence, needs: tuple[str, ...]) -> bool:
    return all(_has_term(sentence.terms, n) for n in needs)


def _period(sentence: Sentence) -> tuple[date, date, str, str] | None:
    """(start, end, start text, end text) of the first d.m.yyyy–d.m.yyyy range in a sentence."""
    match = _RANGE.search(sentence.text)
    if match is None:
        return None
    d1, m1, y1, d2, m2, y2 = match.groups()
    try:
        end = date(int(y2), int(m2), int(d2))
        start = date(int(y1 or y2), int(m1), int(d1))
    except ValueError:
        return None
    left, right = re.split(r"\s*[–-]\s*", match.group(0), maxsplit=1)
    return start, end, left, right


def _find(engine: Engine, index: LoadedIndex, crit: Criterion, call: str | None) -> list[Pick]:
    """The sentences that state a criterion (cached per index version).

    ``call`` is the ordinal of the call the question names, else of the latest call ("toinen"):
    its emphases are the ones quoted (and cached per call).
    """
    memo = engine.state(index).memo
    key = f"eligibility:{crit.key}:{call if crit.key == 'emphasis' else ''}"
    if key in memo:
        cached: list[Pick] = memo[key]
        return cached
    hits = engine.search(index, crit.query, k=5)
    groups = engine.bank.get([h.chunk for h in hits])
    qvec = engine.query_vector(crit.query)
    cands: list[tuple[float, Chunk, Sentence]] = []
    for group in groups:
        if not group.sentences:
            continue
        sims = (group.vectors @ qvec).tolist()
        for sent, sim in zip(group.sentences, sims, strict=True):
            if _needs_met(sent, crit.needs) and (not crit.kind or crit.kind in sent.kinds):
                cands.append((float(sim), group.chunk, sent))
    cands.sort(key=lambda c: -c[0])
    picks: list[Pick] = []
    if crit.key == "period":
        dated = [(p, c, s) for _, c, s in cands if (p := _period(s)) is not None]
        if dated:
            _, chunk, sent = max(dated, key=lambda d: d[0][1])
            picks = [(chunk, sent)]
    elif crit.key == "emphasis":
        same = [c for c in cands if call and (o := ordinal_of(c[2].text)) and o[0] == call]
        lead = [c for c in same or cands if c[2].lead_in]
        if lead:
            _, chunk, sent = lead[0]
            group = next(g for g in groups if g.chunk.chunk_id == chunk.chunk_id)
            picks = [(chunk, sent)]
            for nxt in group.sentences[sent.index + 1 :]:
                if not nxt.item:
                    break
                picks.append((chunk, nxt))
    elif cands:
        _, chunk, sent = cands[0]
        picks = [(chunk, sent)]
        group = next(g for g in groups if g.chunk.chunk_id == chunk.chunk_id)
        for nxt in group.sentences[sent.index + 1 : sent.index + 1 + crit.follow]:
            if not _needs_met(nxt, crit.needs):
                break
            picks.append((chunk, nxt))
        if crit.key == "contact":
            picks += _contact_details(groups, chunk, sent)
    memo[key] = picks
    return picks


def _contact_details(groups: Sequence[ChunkSentences], chunk: Chunk, lead: Sentence) -> list[Pick]:
    """E-mail and phone sentences next to the contact sentence (same chunk)."""
    out: list[Pick] = []
    for group in groups:
        if group.chunk.chunk_id != chunk.chunk_id:
            continue
        for kind in ("phone", "email"):
            sent = next((s for s in group.sentences if kind in s.kinds and s is not lead), None)
            if sent is not None and all(sent is not p[1] for p in out) and kind not in lead.kinds:
                out.append((chunk, sent))
    return out


def answer(
    engine: Engine,
    index: LoadedIndex,
    question: Question,
    today: date,
    also: Callable[[frozenset[str]], Sequence[Pick]] | None = None,
) -> tuple[str, tuple[Citation, ...]] | None:
    """The checklist text and its citations, or None when the documents give too few criteria.

    ``also`` gets the specific words of the question that no criterion's sentences mention
    ("ahvenanmaalainen") and returns the sentences the documents say about them, if any
    ("... -ohjelma ei koske Ahvenanmaata."): they are quoted after the criteria.
    """
    lang = question.language if question.language in CHECKLIST_TEXT else "fi"
    words = CHECKLIST_TEXT[lang]
    found: list[tuple[Criterion, list[Pick]]] = []
    # the emphases quoted are those of the call the question names ("ensimmäisen haun
    # painotuksiin"), else those of the latest call
    asked = ordinal_of(question.text)
    call: str | None = asked[0] if asked else None
    for crit in CRITERIA:
        picks = _find(engine, index, crit, call)
        if crit.key == "period" and picks and asked is None:
            latest = ordinal_of(picks[0][1].text)
            call = latest[0] if latest else None
        found.append((crit, picks))
    if sum(1 for crit, picks in found if picks and crit.key != "contact") < 2:
        return None
    topics = [
        w
        for w in question_words(question.text, engine.analyzer, engine.state(index).stats)
        if w.lemma not in GENERIC and not ordinal_of(w.surface) and not w.lemma.isdigit()
    ]
    lines = [words["intro"]]
    cites: list[Citation] = []
    next_step: int | None = None  # where the contact line (the next step) is
    for crit, picks in found:
        if not picks:
            continue
        body = " ".join(r.replace("\n- ", "\n  - ") for r in _quote(picks, cites))
        note = _note(crit, picks, topics, words, today)
        if crit.key == "contact":
            next_step = len(lines)
            lines.append(f"{crit.labels[lang]}: {words['contact']} {body}")
        else:
            lines.append(f"- {crit.labels[lang]}: {body}" + (f" {note}" if note else ""))
    quoted = frozenset().union(*(s.terms for _, picks in found for _, s in picks))
    unmatched = frozenset(
        # a specific word, or one the asker says of themselves ("Olemme ahvenanmaalainen yritys.")
        w.lemma
        for w in topics
        if (is_specific(w) or w.context) and _topic_hit(w, quoted) is None
    )
    extra = list(also(unmatched)) if also is not None and unmatched else []
    if extra:
        # before the next step (the contact person), after the criteria
        at = len(lines) if next_step is None else next_step
        lines.insert(at, f"{words['also']}: {' '.join(_quote(extra, cites))}")
    lines.append(words["decision"])
    return "\n".join(lines), tuple(cites)


def _quote(picks: Sequence[Pick], cites: list[Citation]) -> list[str]:
    """The picked sentences rendered block by block, each block's citation added to ``cites``."""
    rendered = []
    for block in blocks(picks):
        n = len(cites) + 1
        cites.append(citation(n, block.chunk, block.quote))
        rendered.append(render_block(block, n))
    return rendered


def _note(
    crit: Criterion, picks: list[Pick], topics: list[QWord], words: dict[str, str], today: date
) -> str:
    if crit.key in ("focus", "emphasis"):
        terms: frozenset[str] = frozenset().union(*(s.terms for _, s in picks))
        matched = list(dict.fromkeys(m for w in topics if (m := _topic_hit(w, terms))))
        if matched:
            return words[f"match_{crit.key}"].format(terms=", ".join(matched))
        return words["nomatch"] if crit.key == "focus" else ""
    if crit.key == "period":
        period = _period(picks[0][1])
        if period is None:
            return ""
        start, end, start_text, end_text = period
        if today > end:
            return words["closed"].format(end=end_text)
        if today < start:
            return words["future"].format(start=start_text)
        return words["open"].format(end=end_text)
    return ""


def _topic_hit(word: QWord, terms: frozenset[str]) -> str | None:
    """The question word's lemma (or compound part) that the criterion's sentences mention."""
    parts = [p for p in word.parts if p not in GENERIC]
    if parts:
        return next((p for p in parts if p in terms), None)
    return word.lemma if word_credit(word, terms) >= 1.0 else None
