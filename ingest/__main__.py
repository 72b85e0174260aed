"""Command line: ``python -m ingest build|status|fetch``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from ingest.errors import PoriError
from ingest.pipes import closed_pipe_exit
from ingest.settings import load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="Pori-neuvojan hakemisto")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="rakenna tai päivitä hakemisto")
    build.add_argument(
        "--corpus", type=Path, help="asiakirjakansio (oletus: ASSISTANT_CORPUS_DIR tai ./corpus)"
    )
    build.add_argument("--json", action="store_true", help="tulosta yksi JSON-objekti")
    build.add_argument(
        "--strict", action="store_true", help="poistu virhekoodilla, jos jokin tiedosto ohitettiin"
    )
    status = sub.add_parser("status", help="näytä hakemiston tila")
    status.add_argument("--json", action="store_true")
    fetch = sub.add_parser("fetch", help="lataa viralliset asiakirjat kansioon corpus/official")
    fetch.add_argument("--corpus", type=Path, help="kansio, jonka sources.toml luetaan")
    fetch.add_argument("--json", action="store_true")
    fetch.add_argument("--timeout", type=float, default=30.0)
    return parser


def _print_build(result: dict[str, object]) -> None:
    errors = result["errors"]
    assert isinstance(errors, list)
    print(
        f"Asiakirjoja {result['documents']}, tekstikappaleita {result['chunks']}, "
        f"upotettu nyt {result['embedded']} (lisäksi lauseita {result['sentences_embedded']}), "
        f"poistettu {result['removed']}, "
        f"aikaa {result['seconds']} s."
    )
    if not result["changed"]:
        print("Ei muutoksia: hakemisto on ajan tasalla.")
    for err in errors:
        print(f"  ohitettu: {err['path']}: {err['reason']}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):  # file names that are not UTF-8 print escaped
        sys.stdout.reconfigure(errors="backslashreplace")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
        if args.command == "build":
            from ingest.build import build_index

            corpus = args.corpus or settings.corpus_dir
            result = build_index(settings, corpus, progress=not args.json and sys.stderr.isatty())
            data = result.to_json()
            if args.json:
                print(json.dumps(data, ensure_ascii=False))
            else:
                _print_build(data)
            return 1 if args.strict and result.errors else 0
        if args.command == "status":
            from ingest.status import index_status, print_status

            info = index_status(settings)
            if args.json:
                print(json.dumps(info, ensure_ascii=False))
            else:
                print_status(info)
            return 0 if info.get("built") else 1
        if args.command == "fetch":
            from ingest.fetch import fetch_official, print_fetch

            report = fetch_official(args.corpus or settings.corpus_dir, timeout=args.timeout)
            if args.json:
                print(json.dumps(report.to_json(), ensure_ascii=False))
            else:
                print_fetch(report)
            return 0 if report.ok else 1
    except PoriError as exc:
        print(f"Virhe: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Keskeytetty. Edellinen hakemisto on edelleen käytössä.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "... | head" stopped reading
        return closed_pipe_exit()
    return 2


if __name__ == "__main__":
    sys.exit(main())
