"""``python -m ingest fetch``: download the official documents the manifest names.

Each ``[[official]]`` entry of ``corpus/sources.toml`` is downloaded into its ``file`` (under
``corpus/official/``). Downloads go to ``<file>.part`` first and resume with an HTTP Range
request; a finished file is checked against the manifest's ``sha256`` when one is given, and every
checksum is recorded in ``official/checksums.json``. ``official/sources.toml`` is written so that
``python -m ingest build --corpus corpus/official`` indexes the documents with their metadata.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.manifest import read_manifest
from ingest.models import SourceInfo

log = logging.getLogger(__name__)
USER_AGENT = "Pori-neuvoja/0.1 (+ingest fetch)"
BLOCK = 1 << 16


@dataclass(frozen=True)
class FetchOutcome:
    doc_id: str
    url: str
    file: str
    status: str  # "downloaded", "resumed", "unchanged", "failed"
    sha256: str = ""
    bytes: int = 0
    reason: str = ""


@dataclass
class FetchReport:
    outcomes: list[FetchOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.status != "failed" for o in self.outcomes)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "documents": [o.__dict__ for o in self.outcomes]}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _download(url: str, target: Path, timeout: float) -> str:
    """Download ``url`` into ``target`` via ``target.part``, resuming; returns how it went."""
    part = target.with_name(target.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if have:
        request.add_header("Range", f"bytes={have}-")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        resumed = have > 0 and response.status == 206
        mode = "ab" if resumed else "wb"
        with open(part, mode) as fh:
            while block := response.read(BLOCK):
                fh.write(block)
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(part, target)
    return "resumed" if resumed else "downloaded"


def _reason(exc: BaseException, url: str) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"palvelin vastasi {exc.code} {exc.reason} osoitteelle {url}"
    if isinstance(exc, urllib.error.URLError | socket.timeout | TimeoutError | ConnectionError):
        inner = getattr(exc, "reason", exc)
        return (
            f"ei verkkoyhteyttä osoitteeseen {url} ({inner}). Lataa tiedosto selaimella ja "
            "tallenna se manifestin nimellä, tai yritä uudelleen kun verkko toimii; "
            "keskeytynyt lataus jatkuu siitä mihin se jäi."
        )
    return f"{type(exc).__name__}: {exc}"


def _write_manifest(folder: Path, entries: list[SourceInfo], shas: dict[str, str]) -> None:
    lines = ["# Written by `python -m ingest fetch`: the official documents downloaded here.", ""]
    for s in entries:
        rel = (
            Path(s.file).relative_to("official") if s.file.startswith("official/") else Path(s.file)
        )
        if not (folder / rel).exists():
            continue
        lines += [
            "[[document]]",
            f"id = {json.dumps(s.doc_id)}",
            f"title = {json.dumps(s.title, ensure_ascii=False)}",
            f"publisher = {json.dumps(s.publisher, ensure_ascii=False)}",
            f"type = {json.dumps(s.doc_type)}",
            f"language = {json.dumps(s.language)}",
            f"date = {json.dumps(s.date)}",
            f"url = {json.dumps(s.url)}",
            f"file = {json.dumps(rel.as_posix())}",
            "official = true",
            f"sha256 = {json.dumps(shas.get(s.doc_id, ''))}",
            "",
        ]
    tmp = folder / ".sources.toml.tmp"
    tmp.write_text("\n".join(lines), encoding="utf-8")
    os.replace(tmp, folder / "sources.toml")


def fetch_official(corpus: Path, timeout: float = 30.0) -> FetchReport:
    """Download every ``[[official]]`` document of ``corpus/sources.toml``."""
    manifest = read_manifest(corpus)
    report = FetchReport()
    folder = corpus / "official"
    folder.mkdir(parents=True, exist_ok=True)
    sums_path = folder / "checksums.json"
    sums: dict[str, str] = json.loads(sums_path.read_text()) if sums_path.exists() else {}
    expected = _expected_shas(corpus)
    for source in manifest.official:
        target = corpus / source.file
        target.parent.mkdir(parents=True, exist_ok=True)
        want = expected.get(source.doc_id, "")
        if target.exists() and want and _sha256(target) == want:
            report.outcomes.append(
                FetchOutcome(
                    source.doc_id, source.url, source.file, "unchanged", want, target.stat().st_size
                )
            )
            continue
        try:
            status = _download(source.url, target, timeout)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = _reason(exc, source.url)
            log.warning("fetch %s failed: %s", source.doc_id, reason)
            report.outcomes.append(
                FetchOutcome(source.doc_id, source.url, source.file, "failed", reason=reason)
            )
            continue
        sha = _sha256(target)
        if want and sha != want:
            bad = target.with_name(target.name + ".mismatch")
            os.replace(target, bad)
            report.outcomes.append(
                FetchOutcome(
                    source.doc_id,
                    source.url,
                    source.file,
                    "failed",
                    sha,
                    bad.stat().st_size,
                    f"tarkistussumma ei täsmää (odotettiin {want[:12]}…, saatiin {sha[:12]}…); tiedosto on nimellä {bad.name}",
                )
            )
            continue
        sums[source.doc_id] = sha
        report.outcomes.append(
            FetchOutcome(source.doc_id, source.url, source.file, status, sha, target.stat().st_size)
        )
    sums_path.write_text(json.dumps(sums, indent=1, sort_keys=True), encoding="utf-8")
    _write_manifest(folder, list(manifest.official), sums)
    return report


def _expected_shas(corpus: Path) -> dict[str, str]:
    import tomllib

    path = corpus / "sources.toml"
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        t["id"]: t.get("sha256", "")
        for t in data.get("official", [])
        if isinstance(t, dict) and "id" in t
    }


def print_fetch(report: FetchReport) -> None:
    names = {
        "downloaded": "ladattu",
        "resumed": "jatkettu ja valmis",
        "unchanged": "ennallaan",
        "failed": "EPÄONNISTUI",
    }
    for o in report.outcomes:
        size = f", {o.bytes} tavua" if o.bytes else ""
        print(f"{o.doc_id}: {names[o.status]}{size}" + (f" — {o.reason}" if o.reason else ""))
    if not report.outcomes:
        print("Manifestissa ei ole [[official]]-asiakirjoja.")
    elif report.ok:
        print("Valmis. Indeksoi ne: python -m ingest build --corpus corpus/official")
