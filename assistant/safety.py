"""Text in documents that tries to give orders to a language model (prompt injection).

Such sentences are never quoted and passages containing them never reach the LLM: documents are
material to answer from, not instructions.
"""

from __future__ import annotations

import re

INJECTION = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?)|"
    r"disregard (?:all |any )?(?:the )?(?:previous|prior|above|earlier)|"
    r"forget (?:all |your )?(?:previous |prior )?instructions|"
    r"system prompt|you are now\b|new instructions:|"
    r"unohda (?:kaikki )?(?:aiemmat|edelliset|yllä olevat) ohjeet|"
    r"ohita (?:kaikki )?(?:aiemmat|edelliset|yllä olevat) ohjeet|järjestelmäkehote|"
    r"glöm (?:alla )?(?:tidigare|föregående) instruktioner|ignorera (?:alla )?(?:tidigare|föregående)",
    re.IGNORECASE,
)


def looks_like_injection(text: str) -> bool:
    """Whether ``text`` contains instruction-like text aimed at a language model."""
    return INJECTION.search(text) is not None
