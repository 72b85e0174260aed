"""The optional language model's answer, streamed and checked against the passages.

The extractive answer is always composed first; the model's reply replaces it only when every
kept sentence cites a passage and is grounded in it (:func:`assistant.llm.validate`). A model
error or an unusable reply falls back to the extractive answer with a notice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from assistant.llm import LLMClient, is_refusal, passages_for, validate
from assistant.question import Question
from assistant.refusal import Verdict
from assistant.trace import Trace
from ingest.errors import LLMError
from ingest.finnish import Analyzer
from ingest.models import Answer, Hit

log = logging.getLogger(__name__)
NOTICE_LLM_FAILED = (
    "Kielimalli ei ollut käytettävissä, joten vastaus koottiin suoraan asiakirjoista."
)
NOTICE_LLM_UNCHECKED = (
    "Kielimallin vastausta ei voitu tarkistaa lähteitä vasten, joten vastaus koottiin suoraan "
    "asiakirjoista."
)
Refuse = Callable[[Question, Verdict, Sequence[Hit]], Answer]


def stream_llm_answer(
    client: LLMClient, extractive: Answer, trace: Trace, analyzer: Analyzer, refuse: Refuse
) -> Iterator[str | Answer]:
    """The model's reply as it grows, then the final :class:`Answer` (checked or fallen back)."""
    assert trace.gathered is not None
    passages = passages_for([h.chunk for h in trace.hits])
    reply = ""
    try:
        for reply in client.stream(trace.question.text, passages, trace.question.history):
            yield reply
    except LLMError as exc:
        log.warning("falling back to the extractive answer: %s", exc)
        yield replace(extractive, notice=NOTICE_LLM_FAILED)
        return
    if is_refusal(reply):
        yield refuse(trace.question, Verdict(True, "llm"), trace.hits)
        return
    checked = validate(reply, passages, analyzer)
    if checked is None:
        log.warning("LLM reply had no cited, grounded sentence; answering extractively")
        yield replace(extractive, notice=NOTICE_LLM_UNCHECKED)
        return
    text, cites = checked
    yield replace(extractive, text=text, citations=cites, mode="llm")


def growing(text: str, step: int = 6) -> Iterator[str]:
    """Prefixes of ``text`` that grow a few words at a time (ending with the whole text)."""
    words = text.split(" ")
    for end in range(step, len(words), step):
        yield " ".join(words[:end])
    yield text
