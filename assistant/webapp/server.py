"""The web application: FastAPI with the document route, and the Gradio page mounted at ``/``."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable

import gradio as gr
import uvicorn
from fastapi import FastAPI

from assistant.feedback import FeedbackStore
from assistant.webapp.assets import CSS, PAGE_JS
from assistant.webapp.documents import DocumentLibrary, document_router
from assistant.webapp.handlers import AssistantLike, ChatHandlers
from assistant.webapp.layout import build_blocks
from assistant.webapp.startup import AppStatus
from ingest.settings import Settings

log = logging.getLogger(__name__)

HEAD = '<meta name="description" content="Pori-neuvoja: kysy Porin ekosysteemisopimuksesta">'


def offline_environment() -> None:
    """No analytics, version checks or hub telemetry from Gradio or its client."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


SESSION_CAPACITY = 500


def create_app(
    settings: Settings, assistant: AssistantLike, status: AppStatus, concurrency: int = 2
) -> FastAPI:
    """FastAPI app serving ``/asiakirjat/{doc_id}`` and the chat page."""
    offline_environment()
    feedback = FeedbackStore(settings.feedback_db, settings.feedback_retention_days)
    feedback.purge()
    handlers = ChatHandlers(assistant, feedback, settings, status)
    library = DocumentLibrary(assistant.index_info, settings.corpus_dir)
    app = FastAPI(title="Pori-neuvoja", docs_url=None, redoc_url=None, openapi_url=None)
    app.include_router(document_router(library))

    @app.get("/terveys", include_in_schema=False)
    def health() -> dict[str, str]:
        """Readiness for monitoring and tests: ready, loading, building or failed."""
        snap = status.get()
        return {"status": snap.state, "message": snap.message}

    blocks = build_blocks(handlers, concurrency=concurrency)
    # Gradio keeps per-session state for 10,000 sessions by default and every API call is a new
    # session: memory grew ~60 MB a minute under load (eval/bench_load.py). Keep far fewer.
    blocks.state_session_capacity = SESSION_CAPACITY
    return gr.mount_gradio_app(
        app,
        blocks,
        path="/",
        server_name=settings.host,
        server_port=settings.port,
        footer_links=["api"],
        run_history=False,
        ssr_mode=False,
        show_error=False,
        mcp_server=False,
        pwa=False,
        css=CSS,
        js=PAGE_JS,
        head=HEAD,
        theme=gr.themes.Default(
            font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"]
        ),
    )


class _NotifyingServer(uvicorn.Server):
    """A uvicorn server that calls ``on_started`` once its socket is listening."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], object]) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self._on_started()


def serve(app: FastAPI, settings: Settings, on_started: Callable[[], object]) -> bool:
    """Serve ``app`` until stopped (SIGINT/SIGTERM); False when it could not start listening.

    ``on_started`` runs once the page can be requested: the app starts warming the assistant up
    only then, so that the warm-up (imports, index loading) does not slow down serving the page.
    """
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        timeout_graceful_shutdown=5,  # open event streams must not keep a stopped app alive
    )
    server = _NotifyingServer(config, on_started)
    try:
        server.run()
    except KeyboardInterrupt:
        log.info("stopped by the keyboard")
    except SystemExit:
        # uvicorn exits this way when it cannot bind (it has logged why); report it instead
        if server.started:
            raise
        return False
    return server.started
