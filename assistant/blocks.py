"""Blocks of sentences quoted together: a list with its lead-in, and close neighbours.

A sentence that introduces a list ("... kolme painotusta:") brings its items; the sentence next
to the best one is quoted when it is nearly as good; and a sentence that announces how many
things there are ("... rahoitetaan kolmesta EU:n rahastosta.") brings the next sentence of its
passage, which usually names them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from assistant.ordinals import ORDINALS
from assistant.sentencebank import ChunkSentences, Sentence
from ingest.models import Chunk

if TYPE_CHECKING:
    from assistant.evidence import EvidenceConfig, Scored

_NORM = re.compile(r"\W+")
# a count in words before what is counted ("kolmesta EU:n rahastosta", "kaksi painopistealuetta")
_ANNOUNCES = re.compile(
    r"\b(kaksi|kahde\w*|kolme\w*|neljä\w*|viisi|viide\w*|kuusi|kuude\w*|seitsemä\w*)"
    r"\s+(?:[\w-]+:n\s+|[\w-]+\s+)?([\w-]+)",
    re.IGNORECASE,
)
_COUNTS = {"ka": 2, "ko": 3, "ne": 4, "vi": 5, "ku": 6, "se": 7}
_STEM = 6  # the counted word's first letters, enough to find it inflected in later sentences
_SERIES_AT = 60  # an ordinal this near the start of a sentence says which one of a series it is


def _announced(text: str) -> tuple[int, str] | None:
    """How many things a sentence announces, and the stem of what is counted."""
    match = _ANNOUNCES.search(text)
    if match is None:
        return None
    return _COUNTS[match.group(1)[:2].lower()], match.group(2)[:_STEM].lower()


def quote_key(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def quoted_once(selections: Iterable[Sequence[Scored]]) -> list[tuple[Chunk, Sentence]]:
    """The sentences of several parts' answers, in order, each quoted once: a sentence that two
    documents share ("... ensimmäinen rahoitushaku oli auki kesällä 2022.") is cited from the
    first part that quotes it."""
    picked: list[tuple[Chunk, Sentence]] = []
    seen: set[str] = set()
    for selected in selections:
        for s in selected:
            key = quote_key(s.sentence.text)
            if key not in seen:
                seen.add(key)
                picked.append((s.chunk, s.sentence))
    return picked


def expand(
    pick: Scored, groups: dict[str, ChunkSentences], config: EvidenceConfig
) -> list[Sentence]:
    """The sentence itself, or a lead-in with its list items when it is part of a list."""
    group = groups[pick.chunk.chunk_id]
    sents = group.sentences
    i = pick.sentence.index
    if pick.sentence.item:  # find the lead-in this item belongs to
        j = i
        while j > 0 and sents[j - 1].item:
            j -= 1
        if j > 0 and sents[j - 1].lead_in:
            i = j - 1
        else:
            return [pick.sentence]
    if not sents[i].lead_in:
        return [pick.sentence]
    block = [sents[i]]
    for nxt in sents[i + 1 :]:
        if not nxt.item or len(block) > config.max_list_items:
            break
        block.append(nxt)
    return block if len(block) > 1 else [pick.sentence]


def _quotable(near: Scored, seen: set[str]) -> bool:
    """A neighbouring sentence that may be quoted: eligible, new, and no list part."""
    return (
        not near.sentence.item
        and not near.sentence.lead_in
        and near.eligible
        and quote_key(near.sentence.text) not in seen
    )


def add_neighbours(
    chosen: list[tuple[Scored, list[Sentence]]],
    scored: list[Scored],
    seen: set[str],
    config: EvidenceConfig,
) -> None:
    """Quote the sentence before or after the best one when it is nearly as good.

    A best sentence that announces how many things there are ("... rahoitetaan kolmesta EU:n
    rahastosta.") always brings the next sentence of its passage, which usually names them.
    """
    if not chosen:
        return
    by_pos = {(s.chunk.chunk_id, s.sentence.index): s for s in scored}
    for cand, block in chosen[1:]:
        if len(block) == 1:
            _add_announced(cand, block, by_pos, seen)
    best, block = chosen[0]
    if len(block) > 1:
        return
    offsets = (-1,) if _add_announced(best, block, by_pos, seen) else (1, -1)
    for offset in offsets:
        near = by_pos.get((best.chunk.chunk_id, best.sentence.index + offset))
        close = near is not None and near.score >= best.score - config.neighbour_margin
        if near is None or not close or not _quotable(near, seen):
            continue
        seen.add(quote_key(near.sentence.text))
        block.insert(0 if offset < 0 else len(block), near.sentence)


def add_siblings(
    chosen: list[tuple[Scored, list[Sentence]]],
    scored: list[Scored],
    seen: set[str],
    picked: frozenset[str] = frozenset(),
) -> None:
    """Quote the other members of a series a quoted sentence belongs to.

    "Toisen haun ensimmäinen painotus oli ...", "Toisen haun toinen painotus oli ...": a passage
    that states a series one ordinal at a time answers a question about all of them (asked with
    no ordinal for its members) only with all of its sentences, in the passage's order.
    ``picked`` are the heads the question's ordinals go with ("toisen haun": haku); a series of
    such heads is one the question picks a member of, and is left alone.
    """
    for cand, block in chosen:
        if len(block) != 1:
            continue
        series = _series(cand.sentence.text)
        if series is None or _picks_member(series, picked):
            continue
        members = {cand.sentence.index: cand.sentence}
        for other in scored:
            if (
                other.chunk.chunk_id == cand.chunk.chunk_id
                and other.sentence.index not in members
                and _series(other.sentence.text) == series
                and _quotable(other, seen)
            ):
                members[other.sentence.index] = other.sentence
                seen.add(quote_key(other.sentence.text))
        block[:] = [members[i] for i in sorted(members)]


def _picks_member(series: str, picked: frozenset[str]) -> bool:
    """Whether an ordinal of the question goes with the series' member word ("painotus")."""
    member = series.rsplit("#", 1)[1]
    return any(member.startswith(head[: max(4, len(head) - 2)]) for head in picked)


def _series(text: str) -> str | None:
    """A sentence's place in a series with the ordinal left out ("toisen haun # painotus"), when
    an ordinal near its start says which member it is."""
    found = [m for _, pattern in ORDINALS for m in pattern.finditer(text) if m.start() < _SERIES_AT]
    if not found:
        return None
    last = max(found, key=lambda m: m.start())
    following = text[last.end() :].split()
    if not following:
        return None
    return f"{text[: last.start()].lower()}#{following[0].lower()}"


def _add_announced(
    pick: Scored,
    block: list[Sentence],
    by_pos: dict[tuple[str, int], Scored],
    seen: set[str],
) -> bool:
    """Add the sentences after one that announces how many things there are.

    The next sentence always comes ("... kolmesta EU:n rahastosta. Rahastot ovat ..."); more
    follow, up to the announced count, while each names the counted thing again ("kaksi
    painopistealuetta. Ensimmäinen painopistealue on ... Toinen painopistealue on ..."). One
    already quoted from another passage is not repeated.
    """
    announced = _announced(pick.sentence.text)
    if announced is None:
        return False
    count, stem = announced
    added = 0
    for step in range(1, count + 1):
        near = by_pos.get((pick.chunk.chunk_id, pick.sentence.index + step))
        if near is None or (step > 1 and stem not in near.sentence.text.lower()):
            break
        key = quote_key(near.sentence.text)
        if key in seen:
            continue  # already quoted from another passage: it still counts as one of them
        if not _quotable(near, seen):
            break
        seen.add(key)
        block.append(near.sentence)
        added += 1
    return added > 0
