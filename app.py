"""``python app.py``: the Pori-neuvoja chat page (Gradio) on 127.0.0.1:7860 by default.

The page is served within seconds; the assistant warms up beside it. Without an index in
ASSISTANT_DATA_DIR the app builds one from ASSISTANT_CORPUS_DIR in the background (progress in the
log and on the page) and answers once the build is done; ``--no-build`` instead prints the
command to run and exits.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported anywhere

log = logging.getLogger("pori_neuvoja.app")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Pori-neuvoja: keskustelusivu selaimelle.")
    parser.add_argument(
        "--host", help="osoite, jota kuunnellaan (oletus ASSISTANT_HOST tai 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, help="portti (oletus ASSISTANT_PORT tai 7860)")
    parser.add_argument(
        "--no-build",
        action="store_true",
        help="älä rakenna puuttuvaa hakemistoa, vaan kerro komento",
    )
    parser.add_argument(
        "--concurrency", type=int, default=2, help="yhtä aikaa käsiteltävät kysymykset (oletus 2)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    logging.basicConfig(
        level=os.environ.get("ASSISTANT_LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from ingest.errors import ConfigError

    try:
        from ingest.settings import load_settings

        settings = load_settings()
        overrides: dict[str, object] = {}
        if args.host:
            overrides["host"] = args.host
        if args.port is not None:
            if not 1 <= args.port <= 65535:
                raise ConfigError(
                    f"--port must be between 1 and 65535. Currently, it is {args.port}."
                )
            overrides["port"] = args.port
        settings = settings.with_overrides(**overrides) if overrides else settings
    except ConfigError as exc:
        print(f"Asetuksissa on virhe: {exc}", file=sys.stderr)
        return 2
    if args.concurrency < 1:
        print("--concurrency on oltava vähintään 1.", file=sys.stderr)
        return 2

    from assistant.webapp.startup import (
        AppStatus,
        LazyAssistant,
        build_command,
        index_exists,
        prepare_in_background,
    )

    if args.no_build and not index_exists(settings):
        print(
            f"Hakemistoa ei ole rakennettu. Aja ensin: {build_command(settings)}", file=sys.stderr
        )
        return 2
    from assistant.webapp.gradio_import import install

    install()  # before gradio is imported: skips its .pyi stub generation (~2.5 s here)
    from assistant.webapp.server import create_app, serve

    assistant = LazyAssistant(settings)
    status = AppStatus()
    app = create_app(settings, assistant, status, concurrency=args.concurrency)

    def on_started() -> None:
        # the page is served first; the assistant is then imported, built if needed, and warmed
        # up beside it while the page shows the progress ("Ladataan…"), and early questions wait
        log.info(
            "serving Pori-neuvoja at http://%s:%s/ (%.2f s after start)",
            settings.host,
            settings.port,
            time.perf_counter() - started,
        )
        prepare_in_background(settings, assistant, status, auto_build=not args.no_build)

    if not serve(app, settings, on_started):
        print(
            f"Sovellus ei voinut kuunnella osoitetta {settings.host}:{settings.port} "
            "(syy yllä). Valitse toinen portti: --port.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
