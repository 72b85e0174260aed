"""Chunks as llama-index nodes, the form in which the build writes them to Chroma."""

from __future__ import annotations

from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

from ingest.models import Chunk
from ingest.records import chunk_metadata


def chunk_to_node(chunk: Chunk, vector: list[float], terms: list[str]) -> TextNode:
    """A llama-index node that ``ChromaVectorStore.add`` stores as one record."""
    meta = chunk_metadata(chunk, terms)
    return TextNode(
        id_=chunk.chunk_id,
        text=chunk.text,
        embedding=vector,
        metadata=meta,
        excluded_embed_metadata_keys=list(meta),
        excluded_llm_metadata_keys=list(meta),
        start_char_idx=chunk.char_start,
        end_char_idx=chunk.char_end,
        # llama-index writes the node's ref_doc_id into the "doc_id" metadata key, so the source
        # relationship must name the document (otherwise every record reads back doc_id "None")
        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=chunk.doc_id)},
    )
