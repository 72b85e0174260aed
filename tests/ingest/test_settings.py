from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import ConfigError
from ingest.settings import DEFAULT_EMBED_MODEL, load_settings


def test_defaults_are_offline_and_local() -> None:
    s = load_settings({})
    assert s.data_dir == Path("data") and s.corpus_dir == Path("corpus")
    assert s.chroma_url is None and not s.llm_enabled
    assert s.embed_model == DEFAULT_EMBED_MODEL
    assert (s.host, s.port) == ("127.0.0.1", 7860)


def test_reads_environment() -> None:
    s = load_settings(
        {
            "ASSISTANT_DATA_DIR": "/tmp/x",
            "ASSISTANT_CHROMA_URL": "http://127.0.0.1:8000/",
            "ASSISTANT_LLM_BASE_URL": "http://127.0.0.1:9000/v1",
            "ASSISTANT_LLM_MODEL": "m",
            "ASSISTANT_PORT": "8080",
        }
    )
    assert s.data_dir == Path("/tmp/x") and s.chroma_url == "http://127.0.0.1:8000"
    assert s.llm_enabled and s.port == 8080
    assert s.index_dir == Path("/tmp/x/index")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"ASSISTANT_PORT": "abc"},
            "ASSISTANT_PORT must be a whole number. Currently, ASSISTANT_PORT is 'abc'",
        ),
        ({"ASSISTANT_PORT": "70000"}, "at most 65535"),
        ({"ASSISTANT_TOP_K": "0"}, "ASSISTANT_TOP_K must be at least 1"),
        ({"ASSISTANT_CHROMA_URL": "localhost:8000"}, "must be an http(s) URL"),
        ({"ASSISTANT_LLM_MODEL": "m"}, "Set both ASSISTANT_LLM_BASE_URL and ASSISTANT_LLM_MODEL"),
        ({"ASSISTANT_LLM_TIMEOUT": "-1"}, "ASSISTANT_LLM_TIMEOUT must be greater than 0"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=None) as info:
        load_settings(env)
    assert message in str(info.value)
