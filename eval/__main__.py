"""Command line: ``python -m eval <command>``; each command module registers its parser."""

from __future__ import annotations

import argparse
import logging
import sys

from eval import framing, run, tydi
from ingest.errors import PoriError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eval", description="Pori-neuvojan arviointi")
    parser.add_argument("-v", "--verbose", action="store_true", help="näytä edistymisloki")
    sub = parser.add_subparsers(dest="command", required=True)
    run.add_parser(sub)
    tydi.add_parser(sub)
    framing.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(message)s",
    )
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    try:
        return int(args.handler(args))
    except PoriError as exc:
        sys.stderr.write(f"Virhe: {exc}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
