"""A faster ``import gradio``: skip Gradio's development-time ``.pyi`` stub generation.

Measured with gradio 6.31.0 on the 2-core build machine: ``import gradio`` alone took 5.2 s wall,
and 2.3-2.5 s of it was ``gradio.component_meta.create_or_modify_pyi``. Gradio's ``ComponentMeta``
calls it for every component class it defines at import time; it re-reads and re-parses each
component's source with ``ast`` and rewrites the ``.pyi`` stub beside it in site-packages when
the stub differs. That is a feature for people developing Gradio itself: the wheel already ships
the stubs, and the app never needs them. With it replaced by a no-op, ``import gradio`` took
about 2.9 s.

:func:`install` puts a meta-path finder first in ``sys.meta_path``. When ``gradio.component_meta``
is imported, the finder lets the normal loader run the module and then replaces
``create_or_modify_pyi`` in it before ``gradio/__init__.py`` goes on to define the components.
``gradio/blocks_events.py`` imports the name from ``gradio.component_meta`` after that, so it gets
the no-op too. The finder removes itself once it has done its work.

If a future Gradio has no ``create_or_modify_pyi`` the patch does nothing (it logs that at debug
level); the import then simply takes as long as that Gradio takes. Call :func:`install` before
anything imports gradio; called after, it still patches the module for classes defined later.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import logging
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

PATCHED_MODULE = "gradio.component_meta"
PATCHED_NAME = "create_or_modify_pyi"


def skip_pyi_generation(*args: object, **kwargs: object) -> None:
    """Stand-in for ``gradio.component_meta.create_or_modify_pyi``: writes no stubs."""
    return None


def patch_module(module: ModuleType) -> bool:
    """Replace the stub generator in ``gradio.component_meta``; False when it has none."""
    if not hasattr(module, PATCHED_NAME):
        log.debug("%s has no %s: nothing to patch", module.__name__, PATCHED_NAME)
        return False
    setattr(module, PATCHED_NAME, skip_pyi_generation)
    return True


class _PatchingLoader(importlib.abc.Loader):
    """Runs the real loader, then patches the module it executed."""

    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._inner.exec_module(module)
        patch_module(module)

    def __getattr__(self, name: str) -> Any:
        # get_source, get_filename, ... (tracebacks, inspect, importlib.resources)
        return getattr(self._inner, name)


class _StubSkipper(importlib.abc.MetaPathFinder):
    """Finds ``gradio.component_meta`` like the normal path finder, with a patching loader."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != PATCHED_MODULE:
            return None
        uninstall()  # one module, once; later imports take the normal route
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _PatchingLoader(spec.loader)
        return spec


def installed() -> bool:
    """True while the finder waits for ``gradio.component_meta`` to be imported."""
    return any(isinstance(finder, _StubSkipper) for finder in sys.meta_path)


def install() -> None:
    """Make the coming ``import gradio`` skip the stub generation (idempotent)."""
    module = sys.modules.get(PATCHED_MODULE)
    if module is not None:
        patch_module(module)
        return
    if not installed():
        sys.meta_path.insert(0, _StubSkipper())


def uninstall() -> None:
    """Remove the finder (the module already patched stays patched)."""
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _StubSkipper)]
