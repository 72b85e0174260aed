"""The optional LLM path against a scripted OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from assistant.llm_answer import NOTICE_LLM_FAILED, NOTICE_LLM_UNCHECKED
from assistant.service import Assistant
from ingest.models import Answer
from ingest.settings import Settings
from tests.assistant.llm_server import ScriptedLLM, cite

pytestmark = pytest.mark.integration
QUESTION = "Milloin toinen rahoitushaku päättyi?"


@pytest.fixture()
def server() -> Iterator[ScriptedLLM]:
    scripted = ScriptedLLM().start()
    yield scripted
    scripted.stop()


@pytest.fixture()
def llm_assistant(
    tiny_settings: Settings, tiny_assistant: Assistant, server: ScriptedLLM
) -> Assistant:
    settings = tiny_settings.with_overrides(
        llm_base_url=server.url, llm_model="scripted", llm_api_key="test", llm_timeout_s=1.0
    )
    return Assistant(settings, engine=tiny_assistant.engine)


def test_good_reply_is_used_with_verbatim_quotes(
    llm_assistant: Assistant, server: ScriptedLLM
) -> None:
    server.reply = cite("18.10.2023–31.12.2023")
    answer = llm_assistant.ask(QUESTION)
    assert llm_assistant.mode == "llm" and answer.mode == "llm" and answer.notice is None
    assert answer.text == "Toinen rahoitushaku oli auki 18.10.2023–31.12.2023. [1]"
    assert answer.citations[0].doc_id == "haut" and "18.10.2023" in answer.citations[0].quote
    chunks = llm_assistant.engine.index().chunks
    assert answer.citations[0].quote in chunks[answer.citations[0].chunk_id].text
    request = server.requests[-1]
    assert request["model"] == "scripted" and request["messages"][0]["role"] == "system"
    assert "Päätä jokainen virke" in request["messages"][0]["content"]


def test_stream_yields_growing_text_then_the_checked_answer(
    llm_assistant: Assistant, server: ScriptedLLM
) -> None:
    server.reply = cite("18.10.2023–31.12.2023")
    *pieces, final = list(llm_assistant.ask_stream(QUESTION))
    texts = [p for p in pieces if isinstance(p, str)]
    assert server.requests[-1]["stream"] is True and len(texts) == len(pieces)
    assert len(texts) > 1 and all(b.startswith(a) for a, b in itertools.pairwise(texts))
    assert isinstance(final, Answer) and final.mode == "llm" and final.citations


def test_invalid_citations_fall_back_to_the_extractive_answer(
    llm_assistant: Assistant, server: ScriptedLLM
) -> None:
    server.reply = lambda prompt: "Toinen rahoitushaku päättyi 31.12.2023 [9]."
    answer = llm_assistant.ask(QUESTION)
    assert answer.mode == "extractive" and answer.notice == NOTICE_LLM_UNCHECKED
    assert "31.12.2023" in answer.text and answer.citations


def test_one_bad_sentence_is_removed_and_the_rest_kept(
    llm_assistant: Assistant, server: ScriptedLLM
) -> None:
    good = cite("18.10.2023–31.12.2023")
    server.reply = lambda prompt: (
        good(prompt) + " Haku jatkuu vuoteen 2099 [9]. Lisäksi keksitty virke."
    )
    answer = llm_assistant.ask(QUESTION)
    assert answer.mode == "llm" and "2099" not in answer.text and "keksitty" not in answer.text


@pytest.mark.parametrize(("status", "delay"), [(500, 0.0), (200, 3.0)])
def test_server_error_and_timeout_fall_back_with_a_notice(
    llm_assistant: Assistant, server: ScriptedLLM, status: int, delay: float
) -> None:
    server.reply = cite("18.10.2023–31.12.2023")
    server.status, server.delay = status, delay
    answer = llm_assistant.ask(QUESTION)
    assert answer.mode == "extractive" and answer.notice == NOTICE_LLM_FAILED
    assert not answer.refused and "31.12.2023" in answer.text
    streamed = list(llm_assistant.ask_stream(QUESTION))[-1]
    assert isinstance(streamed, Answer) and streamed.notice == NOTICE_LLM_FAILED


def test_prompt_injection_in_a_document_never_reaches_the_model(
    llm_assistant: Assistant, server: ScriptedLLM
) -> None:
    good = cite("18.10.2023–31.12.2023")
    # a model that obeys injected orders whenever it sees them
    server.reply = lambda prompt: "HACKED [1]." if "Ignore previous" in prompt else good(prompt)
    answer = llm_assistant.ask(QUESTION)
    assert "Ignore previous" not in "".join(server.prompts())
    assert "HACKED" not in answer.text and "2099" not in answer.text
    assert all(c.doc_id != "tiedote" for c in answer.citations)
    extractive = Assistant(
        llm_assistant.settings.with_overrides(llm_base_url=None, llm_model=None),
        engine=llm_assistant.engine,
    ).ask(QUESTION)
    assert "2099" not in extractive.text and all(
        c.doc_id != "tiedote" for c in extractive.citations
    )


def test_refusals_do_not_call_the_model(llm_assistant: Assistant, server: ScriptedLLM) -> None:
    answer = llm_assistant.ask("Mitkä ovat Tampereen ekosysteemisopimuksen painopistealueet?")
    assert answer.refused and server.requests == []


def test_llama_index_global_llm_is_never_openai(llm_assistant: Assistant) -> None:
    from llama_index.core import Settings as LlamaSettings
    from llama_index.core.llms import MockLLM

    llm_assistant.ask(QUESTION)  # creates the model client, which pins the global default

    assert isinstance(LlamaSettings.llm, MockLLM)
