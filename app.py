"""``python app.py``: the Pori-neuvoja chat page (Gradio) on 127.0.0.1:7860 by default.

With an index in ASSISTANT_DATA_DIR the app warms up and serves within seconds. Without one it
starts serving at once, builds the index from ASSISTANT_CORPUS_DIR in the background (progress in
the log and on the page) and answers once the build is done; ``--no-build`` instead prints the
command to run.
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

    import uvicorn

    from assistant.service import Assistant
    from assistant.webapp.server import create_app
    from assistant.webapp.startup import (
        FAILED,
        AppStatus,
        build_command,
        index_exists,
        prepare,
        prepare_in_background,
    )

    assistant = Assistant(settings)
    status = AppStatus()
    if index_exists(settings):
        snapshot = prepare(settings, assistant, status, auto_build=False)
        if snapshot.state == FAILED:
            log.error("%s", snapshot.message)
    elif args.no_build:
        prepare(settings, assistant, status, auto_build=False)
        print(
            f"Hakemistoa ei ole rakennettu. Aja ensin: {build_command(settings)}", file=sys.stderr
        )
        return 2
    else:
        log.info(
            "no index in %s: building it in the background; the page shows the progress",
            settings.data_dir,
        )
        prepare_in_background(settings, assistant, status)
    app = create_app(settings, assistant, status, concurrency=args.concurrency)
    log.info(
        "Pori-neuvoja at http://%s:%s/ (prepared in %.2f s)",
        settings.host,
        settings.port,
        time.perf_counter() - started,
    )
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
