from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import ManifestError
from ingest.manifest import discover, read_manifest
from tests.conftest import DEMO_CORPUS


def test_demo_manifest_names_existing_files() -> None:
    manifest = read_manifest(DEMO_CORPUS)
    assert len(manifest.documents) >= 6
    for doc in manifest.documents:
        assert (DEMO_CORPUS / doc.file).is_file(), doc.file
    assert {d.doc_type for d in manifest.official} >= {"agreement", "call_notice", "programme"}


def test_unlisted_files_get_guessed_ids(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text(
        '[[document]]\nid = "a"\ntitle = "A"\nfile = "a.md"\n', encoding="utf-8"
    )
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "Oma Muistio.txt").write_text("teksti", encoding="utf-8")
    (tmp_path / "x.bin.part").write_bytes(b"partial")
    found = discover(tmp_path)
    assert [s.doc_id for _, s in found] == ["a", "oma-muistio"]
    assert found[1][1].title == ""


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[document]]\nid = "A B"\nfile = "a.md"\n', "must be 1-100 lowercase"),
        ('[[document]]\nid = "a"\n', "has no 'file'"),
        ('[[document]]\nid = "a"\nfile = "a.md"\ntype = "memo"\n', "has type 'memo'"),
        (
            '[[document]]\nid = "a"\nfile = "a.md"\n[[document]]\nid = "a"\nfile = "b.md"\n',
            "repeated: a",
        ),
        ("[[document]\n", "is not valid TOML"),
    ],
)
def test_bad_manifests_say_what_is_wrong(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "sources.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        read_manifest(tmp_path)
    assert message in str(info.value)


def test_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="does not exist"):
        discover(tmp_path / "nope")
