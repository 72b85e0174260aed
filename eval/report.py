"""Reports of an evaluation run: Markdown for a non-programmer reader, JSON, and a PNG chart.

Files: ``<out>/<YYYY-MM-DD>-<default config>[-fast].md``, ``.json`` (the ``--json`` object) and
``.png`` (grouped bars of hit@5, MRR@10, key-fact recall and refusal recall per config).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

from eval.results import ConfigResult, RunResult, to_json, trade_off, worst

CHART_METRICS: tuple[tuple[str, str], ...] = (
    ("hit@5", "hit@5"),
    ("mrr@10", "MRR@10"),
    ("key_fact_recall", "key-fact recall"),
    ("refusal_recall", "refusal recall"),
)
METRIC_HELP: tuple[tuple[str, str], ...] = (
    (
        "hit@1 / hit@3 / hit@5",
        "Kuinka suuressa osassa vastattavissa olevista kysymyksistä oikea "
        "asiakirjan kohta oli hakutuloksissa ensimmäisenä / kolmen / viiden parhaan joukossa.",
    ),
    (
        "mrr@10",
        "Kuinka korkealla ensimmäinen oikea kohta oli keskimäärin (1 = aina ensimmäisenä, "
        "0,5 = keskimäärin toisena, 0 = ei kymmenen parhaan joukossa).",
    ),
    (
        "ndcg@10",
        "Kuten mrr@10, mutta ottaa huomioon kaikki oikeat kohdat kymmenen parhaan "
        "hakutuloksen joukossa ja palkitsee niiden korkeasta sijoituksesta.",
    ),
    (
        "key_fact_recall",
        "Kuinka suuressa osassa vastattavissa olevista kysymyksistä "
        "vastausteksti sisälsi kaikki kysytyt avaintiedot (esim. päivämäärän tai summan).",
    ),
    (
        "citation_precision",
        "Kuinka suuri osa lähdeviitteiden lainauksista sisältää kysytyn "
        "avaintiedon (vastattavissa olevat kysymykset).",
    ),
    (
        "verbatim_quote_rate",
        "Kuinka suuri osa lainauksista löytyy sanatarkasti siitä asiakirjan "
        "kohdasta, johon viitataan.",
    ),
    (
        "refusal_precision",
        "Kun neuvoja kieltäytyi vastaamasta, kuinka usein se oli aiheellista "
        "(vastausta ei todella ollut aineistossa).",
    ),
    (
        "refusal_recall",
        "Kuinka suureen osaan kysymyksistä, joihin aineisto ei vastaa, neuvoja "
        "osasi kieltäytyä vastaamasta arvaamatta.",
    ),
    (
        "false_refusal_rate",
        "Kuinka suureen osaan vastattavissa olevista kysymyksistä neuvoja "
        "kieltäytyi turhaan (pienempi on parempi).",
    ),
    (
        "latency_p50_ms / latency_p95_ms",
        "Vastausaika millisekunteina: mediaani ja aika, jonka alle 95 % vastauksista jäi.",
    ),
)
CATEGORY_HELP = {
    "direct": "suora kysymys",
    "paraphrase": "eri sanoin",
    "colloquial": "puhekieli",
    "misspelt": "kirjoitusvirheitä",
    "inflected": "taivutus- ja yhdyssanamuodot",
    "number": "luku tai summa",
    "date": "päivämäärä",
    "contact": "yhteystieto",
    "eligibility": "rahoituskelpoisuus",
    "multi_doc": "vaatii kaksi asiakirjaa",
    "followup": "jatkokysymys",
    "english": "englanniksi",
    "swedish": "ruotsiksi",
    "near_miss": "lähellä aineistoa, mutta ei vastausta",
    "unanswerable": "ei vastausta aineistossa",
}
RETRIEVAL_COLUMNS = ("hit@1", "hit@3", "hit@5", "mrr@10", "ndcg@10")
ANSWER_COLUMNS = (
    "key_fact_recall",
    "citation_precision",
    "verbatim_quote_rate",
    "refusal_precision",
    "refusal_recall",
    "false_refusal_rate",
    "latency_p50_ms",
    "latency_p95_ms",
)


def table(run: RunResult) -> str:
    """A plain-text table for the terminal, one configuration per line (* = default)."""
    keys = (
        "hit@1",
        "hit@5",
        "mrr@10",
        "key_fact_recall",
        "citation_precision",
        "refusal_recall",
        "false_refusal_rate",
        "latency_p50_ms",
    )
    heads = ("hit@1", "hit@5", "mrr@10", "facts", "cite", "ref.rec", "false.ref", "p50ms")
    width = max(len(n) for n in run.configs) + 2
    lines = [f"{'config':{width}}" + "".join(f"{h:>10}" for h in heads)]
    for name, c in run.configs.items():
        cells = "".join(f"{_cell(c.metrics.get(k), k):>10}" for k in keys)
        lines.append(f"{name + (' *' if name == run.default else ''):{width}}{cells}")
    return "\n".join(lines)


def _pct(value: float | int) -> str:
    """A fraction as a Finnish percentage ("92 %")."""
    return f"{float(value) * 100:.0f} %"


def _cell(value: float | int | None, key: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if key.startswith("latency"):
        return f"{value:.0f}"
    if isinstance(value, int) and not isinstance(value, bool) and key == "questions":
        return str(value)
    return f"{value:.3f}"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _name(run: RunResult, name: str) -> str:
    c = run.configs[name]
    label = f"**{name}** (oletus)" if name == run.default else name
    return label + (f" = {c.same_as}" if c.same_as else "")


def _comparison(run: RunResult) -> list[str]:
    lines = [
        "## Haun osuvuus",
        "",
        _row(["Asetus", "Kuvaus", *RETRIEVAL_COLUMNS, "kappaleita"]),
        _row(["---"] * (len(RETRIEVAL_COLUMNS) + 3)),
    ]
    for name, c in run.configs.items():
        cells = [_cell(c.metrics.get(k), k) for k in RETRIEVAL_COLUMNS]
        lines.append(
            _row([_name(run, name), c.config.description, *cells, f"{c.chunks} × {c.chunk_chars}"])
        )
    lines += [
        "",
        "## Vastausten laatu",
        "",
        "Vain BM25-vertailut (bm25-…) mittaavat pelkkää hakua: neuvoja käyttää aina "
        "indeksin omaa sana-analyysiä, joten niille ei ole vastausmittareita (–).",
        "",
        _row(["Asetus", *ANSWER_COLUMNS, "kokonaispiste"]),
        _row(["---"] * (len(ANSWER_COLUMNS) + 2)),
    ]
    for name, c in run.configs.items():
        has = "key_fact_recall" in c.metrics
        cells = [_cell(c.metrics.get(k) if has else None, k) for k in ANSWER_COLUMNS]
        lines.append(_row([_name(run, name), *cells, _cell(trade_off(c.metrics) if has else None)]))
    return lines


def _why_default(run: RunResult) -> list[str]:
    full = {n: c for n, c in run.configs.items() if "key_fact_recall" in c.metrics}
    default = run.configs[run.default]
    m = default.metrics
    lines = [
        f"Neuvoja käyttää oletuksena asetusta **{run.default}** ({default.config.description}).",
        "",
        f"Sillä oikea kohta löytyi viiden parhaan hakutuloksen joukosta {_pct(m['hit@5'])} "
        "vastattavissa olevista kysymyksistä.",
    ]
    if "key_fact_recall" not in m:
        return lines
    lines[-1] += (
        f" Vastaus sisälsi kaikki avaintiedot {_pct(m['key_fact_recall'])} kysymyksistä, "
        f"neuvoja kieltäytyi aiheellisesti {_pct(m['refusal_recall'])} kysymyksistä, joihin "
        f"aineisto ei vastaa, ja turhaan {_pct(m['false_refusal_rate'])} vastattavista kysymyksistä."
    )
    if len(full) < 2:
        return lines
    scores = {n: trade_off(c.metrics) for n, c in full.items()}
    best = max(scores, key=lambda n: (scores[n], n == run.default))
    mine = scores[run.default]
    lines.append("")
    if scores[best] - mine <= 0.005:
        lines.append(
            f"Kokonaispisteellä mitattuna (hit@5, mrr@10, key_fact_recall, refusal_recall ja "
            f"1 − false_refusal_rate keskiarvo) oletus on mitatuista paras tai tasoissa parhaan "
            f"kanssa ({mine:.3f}); siksi se on oletus."
        )
    else:
        lines.append(
            f"Kokonaispisteellä mitattuna (hit@5, mrr@10, key_fact_recall, refusal_recall ja "
            f"1 − false_refusal_rate keskiarvo) **{best}** sai tässä ajossa paremman tuloksen "
            f"({scores[best]:.3f}) kuin oletus ({mine:.3f}). Oletusta ei ole muutettu tämän "
            "ajon perusteella; erot näkyvät taulukoista."
        )
    return lines


def _categories(result: ConfigResult) -> list[str]:
    cols = ("hit@5", "key_fact_recall", "citation_precision", "refused")
    lines = [_row(["Tyyppi", "Selitys", "kysymyksiä", *cols]), _row(["---"] * (len(cols) + 3))]
    for category, m in result.by_category.items():
        lines.append(
            _row(
                [
                    category,
                    CATEGORY_HELP.get(category, ""),
                    str(m["questions"]),
                    *(_cell(m.get(k), k) for k in cols),
                ]
            )
        )
    return lines


def _worst(result: ConfigResult) -> list[str]:
    found = worst(result)
    if not found:
        return ["Ei ongelmia yhdessäkään kysymyksessä."]
    lines = []
    for i, (r, ps) in enumerate(found, start=1):
        q = r.question
        history = f" (aiemmin: ”{' / '.join(q.history)}”)" if q.history else ""
        lines.append(
            f"{i}. **{q.qid}** ({q.category}) ”{q.question}”{history}: {'; '.join(p.text for p in ps)}."
        )
        if r.outcome is not None:
            text = " ".join(r.outcome.text.split())
            text = text if len(text) <= 200 else text[:200].rsplit(" ", 1)[0] + " …"
            lines.append(f"   Vastaus: {text}")
    return lines


def markdown(run: RunResult, chart: str | None = None) -> str:
    """The Finnish Markdown report of a run."""
    default = run.configs[run.default]
    questions = [r.question for r in default.results]
    answerable = sum(q.answerable for q in questions)
    subset = " (nopea osajoukko, --fast)" if run.fast else ""
    lines = [
        f"# Pori-neuvojan arviointi {run.day.isoformat()}",
        "",
        f"Kysymykset: `{run.question_file}`{subset}: {len(questions)} kysymystä, joista "
        f"{answerable} on vastattavissa aineiston perusteella ja {len(questions) - answerable} "
        f"ei. Ajo kesti {run.seconds:.0f} s.",
        "",
        "## Yhteenveto",
        "",
        *_why_default(run),
        "",
        "## Mittarit lyhyesti",
        "",
        *(f"- **{name}**: {text}" for name, text in METRIC_HELP),
        "",
        *_comparison(run),
        "",
    ]
    if chart:
        lines += [f"![Asetusten vertailu]({chart})", ""]
    lines += [
        f"## Oletusasetus kysymystyypeittäin ({run.default})",
        "",
        "`refused` = kuinka suuri osa tyypin kysymyksistä jätettiin vastaamatta.",
        "",
        *_categories(default),
        "",
        f"## Heikoimmat kysymykset ({run.default})",
        "",
        *_worst(default),
        "",
        "## Huomioita",
        "",
        "- Kappalekoon vertailut (chunks-…) käyttävät omia indeksejään, jotka rakennetaan "
        "kansioon `<ASSISTANT_DATA_DIR>/eval/`; sama koko kuin oletusindeksillä on sama ajo.",
        f"- Kohtatason osuvuus palasi asiakirjatasolle {default.fallbacks} kysymyksessä "
        "(oletusasetus), koska mikään kappale ei sisältänyt kultaista tekstinpätkää kokonaan.",
        "- Hakumittarien järjestys: ensin ne kappaleet, joista neuvoja kokosi vastauksen (kaksiosaisessa "
        "kysymyksessä molempien osien), sitten neuvojan haku samalla kysymyksellä kymmeneen asti. "
        "Pelkät BM25-vertailut (bm25-…) hakevat kysymyksellä sellaisenaan, ilman neuvojan "
        "englannin- ja ruotsinkielisten kysymysten suomennosta ja ilman osiin jakamista.",
        "- Vastausajat on mitattu samalla koneella muiden töiden kanssa, joten ne vaihtelevat.",
        "",
    ]
    return "\n".join(lines)


def chart(run: RunResult, path: Path) -> Path:
    """Grouped bars of the chart metrics for every configuration (PNG, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(run.configs)
    width = 0.8 / len(CHART_METRICS)
    fig, ax = plt.subplots(figsize=(max(8.0, 0.9 * len(names) + 2), 5))
    for i, (key, label) in enumerate(CHART_METRICS):
        values = [float(run.configs[n].metrics.get(key, math.nan)) for n in names]
        xs = [x + (i - (len(CHART_METRICS) - 1) / 2) * width for x in range(len(names))]
        ax.bar(xs, values, width, label=label)
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(
        [f"{n} *" if n == run.default else n for n in names], rotation=35, ha="right", fontsize=8
    )
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("osuus (0–1)")
    ax.set_title(f"Pori-neuvoja: asetusten vertailu {run.day.isoformat()} (* = oletus)", pad=30)
    ax.legend(
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=len(CHART_METRICS),
        fontsize=8,
        frameon=False,
    )
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write(run: RunResult, out_dir: Path) -> list[Path]:
    """Write the ``.md``, ``.json`` and ``.png`` of a run into ``out_dir``; their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{run.day.isoformat()}-{run.default}{'-fast' if run.fast else ''}"
    png = chart(run, out_dir / f"{stem}.png")
    md = out_dir / f"{stem}.md"
    md.write_text(markdown(run, png.name), encoding="utf-8")
    data = out_dir / f"{stem}.json"
    data.write_text(json.dumps(to_json(run), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [md, data, png]
