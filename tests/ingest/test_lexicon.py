"""The on-disk Finnish lexicon gives exactly simplemma's lemmas."""

from __future__ import annotations

import pytest
import simplemma

from ingest.finnish import _lemmatizer
from ingest.lexicon import finnish_lexicon

WORDS = [
    "robotiikkahankkeeni",
    "ekosysteemisopimuksen",
    "rahoitushakuun",
    "kiertotaloushanke",
    "Porin",
    "kaupungin",
    "sopimukset",
    "hakemuksen",
    "oppilaitokset",
    "teknologiametallit",
    "yritykset",
    "rahoituskelpoinen",
    "painopistealueet",
    "Satakuntaliitossa",
    "hankkeiden",
    "asiakirjoista",
    "innovaatiotoiminnan",
    "kehittäjäorganisaatiot",
    "juoksin",
    "talossa",
]


@pytest.mark.integration
def test_same_lemmas_as_simplemma() -> None:
    ours = _lemmatizer()
    for word in WORDS:
        assert ours.lemmatize(word, lang="fi") == simplemma.lemmatize(word, lang="fi"), word


@pytest.mark.integration
def test_lookups() -> None:
    lexicon = finnish_lexicon()
    assert lexicon.form("kaupungin") == "kaupunki"
    assert lexicon.is_lemma("sopimus") and not lexicon.is_lemma("xqzv")
    assert lexicon.form("xqzv") is None
