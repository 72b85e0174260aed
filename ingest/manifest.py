"""Reads ``sources.toml`` and pairs every corpus file with its :class:`SourceInfo`.

A corpus folder may have a ``sources.toml`` with ``[[document]]`` tables (documents to index)
and ``[[official]]`` tables (official documents that ``python -m ingest fetch`` downloads).
Files in the folder that the manifest does not name are indexed too, with metadata guessed
from the file (id from the file name, title filled in by the loader).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import ManifestError
from ingest.models import DOC_TYPES, SourceInfo

MANIFEST_NAME = "sources.toml"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
_SKIP_DIRS = {"src", "official", "__pycache__"}
_SKIP_NAMES = {MANIFEST_NAME, "README.md", "build_corpus.py", ".gitkeep", "checksums.json"}


@dataclass(frozen=True)
class Manifest:
    """The parsed manifest of one corpus folder."""

    root: Path
    documents: tuple[SourceInfo, ...]
    official: tuple[SourceInfo, ...]


def _source(table: dict[str, object], where: str) -> SourceInfo:
    def text(key: str, default: str = "") -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            raise ManifestError(f"{where}: '{key}' must be a string, got {value!r}.")
        return value

    doc_id = text("id")
    if not _ID_RE.match(doc_id):
        raise ManifestError(
            f"{where}: id {doc_id!r} must be 1-100 lowercase letters, digits, '.', '_' or '-'."
        )
    file = text("file")
    if not file:
        raise ManifestError(f"{where}: document {doc_id!r} has no 'file'.")
    doc_type = text("type", "other")
    if doc_type not in DOC_TYPES:
        raise ManifestError(
            f"{where}: document {doc_id!r} has type {doc_type!r}; use one of {', '.join(DOC_TYPES)}."
        )
    sources = table.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise ManifestError(f"{where}: 'sources' of {doc_id!r} must be a list of URLs.")
    official = table.get("official", False)
    if not isinstance(official, bool):
        raise ManifestError(f"{where}: 'official' of {doc_id!r} must be true or false.")
    return SourceInfo(
        doc_id=doc_id,
        title=text("title"),
        file=file,
        doc_type=doc_type,
        publisher=text("publisher"),
        language=text("language", "fi"),
        date=text("date"),
        url=text("url"),
        official=official,
        sources=tuple(sources),
    )


def read_manifest(root: Path) -> Manifest:
    """Parse ``root/sources.toml``; a folder without one has an empty manifest."""
    path = root / MANIFEST_NAME
    if not path.exists():
        return Manifest(root=root, documents=(), official=())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(
            f"{path} is not valid TOML: {exc}. Fix the file and try again."
        ) from None
    tables = {}
    for key in ("document", "official"):
        raw = data.get(key, [])
        if not isinstance(raw, list):
            raise ManifestError(f"{path}: use [[{key}]] tables.")
        tables[key] = tuple(_source(t, f"{path} [[{key}]] #{i + 1}") for i, t in enumerate(raw))
    ids = [s.doc_id for s in tables["document"]]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ManifestError(f"{path}: document ids must be unique; repeated: {', '.join(dupes)}.")
    return Manifest(root=root, documents=tables["document"], official=tables["official"])


def _guess_id(rel: Path) -> str:
    stem = rel.with_suffix("").as_posix().lower()
    slug = re.sub(r"[^a-z0-9._-]+", "-", stem.replace("/", "-")).strip("-._")
    return (slug or "doc")[:100]


def discover(root: Path) -> list[tuple[Path, SourceInfo]]:
    """Every file to ingest under ``root`` with its metadata, manifest entries first.

    Files named in the manifest keep its metadata; other files (any suffix, so that unsupported
    ones can be reported) get a guessed id and an empty title for the loader to fill in.
    """
    if not root.is_dir():
        raise ManifestError(
            f"Corpus folder {root} does not exist. Pass --corpus DIR or set ASSISTANT_CORPUS_DIR."
        )
    manifest = read_manifest(root)
    found: list[tuple[Path, SourceInfo]] = []
    named: set[Path] = set()
    for source in manifest.documents:
        path = (root / source.file).resolve()
        named.add(path)
        found.append((path, source))
    used_ids = {s.doc_id for _, s in found}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or path.resolve() in named:
            continue
        if rel.parts[0] in _SKIP_DIRS or any(p.startswith(".") for p in rel.parts):
            continue
        if path.name in _SKIP_NAMES or path.suffix.lower() in (".py", ".part", ".mismatch", ".tmp"):
            continue
        doc_id = _guess_id(rel)
        base, n = doc_id, 2
        while doc_id in used_ids:
            doc_id = f"{base}-{n}"
            n += 1
        used_ids.add(doc_id)
        found.append((path, SourceInfo(doc_id=doc_id, title="", file=rel.as_posix())))
    return found
