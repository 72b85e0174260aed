"""The faster gradio import: the .pyi stub generator is replaced, and Gradio still works."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from typing import Any

import pytest

from assistant.webapp import gradio_import
from tests.conftest import ROOT

# Run in a fresh interpreter: records every .pyi file gradio reads or writes while it is
# imported and a Blocks app is built, then reports what the import left in place.
PROBE = """
import json, pathlib, sys
touched = []
for name in ("read_text", "write_text"):
    real = getattr(pathlib.Path, name)
    def spy(self, *a, _real=real, **k):
        if self.suffix == ".pyi":
            touched.append(self.name)
        return _real(self, *a, **k)
    setattr(pathlib.Path, name, spy)
if "--patch" in sys.argv:
    from assistant.webapp import gradio_import
    gradio_import.install()
import inspect
import gradio as gr
import gradio.blocks_events as blocks_events
import gradio.component_meta as component_meta
seen = (component_meta.create_or_modify_pyi, blocks_events.create_or_modify_pyi)
with gr.Blocks(analytics_enabled=False) as demo:
    box = gr.Textbox(label="Kysymys")
    chat = gr.Chatbot()
    gr.Button("Kysy").click(lambda q: [], box, chat)
    box.submit(lambda q: [], box, chat)
config = demo.get_config_file()
from assistant.webapp import gradio_import
print(json.dumps({
    "touched": sorted(set(touched)),
    "patched": seen[0] is gradio_import.skip_pyi_generation,
    "blocks_events_patched": seen[1] is gradio_import.skip_pyi_generation,
    "finder_left": gradio_import.installed(),
    "components": len(config["components"]),
    "dependencies": len(config["dependencies"]),
    "source_readable": "def create_or_modify_pyi" in inspect.getsource(component_meta),
}))
"""


def _probe(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_installed_before_import_gradio_skips_the_stubs_and_still_builds_an_app() -> None:
    got = _probe("--patch")
    assert got["touched"] == []  # no .pyi read, none written
    assert got["patched"] and got["blocks_events_patched"]
    assert got["finder_left"] is False  # the finder removed itself after its one module
    assert got["components"] >= 4 and got["dependencies"] == 2
    assert got["source_readable"]  # the wrapping loader still serves the module's source


def test_without_it_gradio_reads_its_stubs() -> None:
    """The control for the test above: the probe does see the stub generator at work."""
    got = _probe()
    assert "textbox.pyi" in got["touched"]
    assert got["patched"] is False


def test_patches_an_already_imported_module(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType(gradio_import.PATCHED_MODULE)
    fake.create_or_modify_pyi = lambda *a, **k: "wrote stubs"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, gradio_import.PATCHED_MODULE, fake)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    gradio_import.uninstall()
    gradio_import.install()
    assert fake.create_or_modify_pyi is gradio_import.skip_pyi_generation
    assert not gradio_import.installed()  # nothing left to wait for


def test_a_gradio_without_the_generator_is_left_alone() -> None:
    future = types.ModuleType(gradio_import.PATCHED_MODULE)
    assert gradio_import.patch_module(future) is False
    assert not hasattr(future, gradio_import.PATCHED_NAME)


def test_install_is_idempotent_and_uninstall_removes_the_finder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, gradio_import.PATCHED_MODULE, raising=False)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    gradio_import.uninstall()
    before = len(sys.meta_path)
    gradio_import.install()
    gradio_import.install()
    assert gradio_import.installed() and len(sys.meta_path) == before + 1
    gradio_import.uninstall()
    assert not gradio_import.installed() and len(sys.meta_path) == before
