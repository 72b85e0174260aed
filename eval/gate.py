"""The CI gate: minimums for the default configuration on the fast question subset.

``eval/thresholds.json`` holds ``{"minimums": {METRIC: float}}``; a metric is a key of the
``configs`` object of ``python -m eval run --json``, or ``1-<key>`` for a rate where lower is
better (``1-false_refusal_rate``). The minimums sit slightly below measured values and only
ever move up.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import ConfigError

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.json"


@dataclass(frozen=True)
class Failure:
    """A metric below its minimum."""

    metric: str
    value: float
    minimum: float

    def __str__(self) -> str:
        return f"{self.metric} = {self.value:.4f} is below the minimum {self.minimum:.4f}"


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, float]:
    """The minimums of a thresholds file (raises ConfigError naming the file)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"Thresholds file {path} cannot be read ({exc.strerror}).") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"Thresholds file {path} is not valid JSON ({exc.msg}).") from None
    minimums = data.get("minimums") if isinstance(data, dict) else None
    if not isinstance(minimums, dict) or not minimums:
        raise ConfigError(f'Thresholds file {path} needs a non-empty "minimums" object.')
    out: dict[str, float] = {}
    for key, value in minimums.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ConfigError(
                f"Threshold {key!r} in {path} must be a number from 0 to 1. "
                f"Currently, it is {value!r}."
            )
        out[str(key)] = float(value)
    return out


def metric_value(metrics: Mapping[str, float | int], name: str) -> float:
    """A metric by name; ``1-<key>`` is one minus that metric."""
    inverted = name.startswith("1-")
    key = name[2:] if inverted else name
    if key not in metrics:
        raise ConfigError(
            f"Threshold names the metric {name!r}, which the run did not measure. "
            f"Known metrics: {', '.join(sorted(metrics))}."
        )
    value = float(metrics[key])
    return 1.0 - value if inverted else value


def check(metrics: Mapping[str, float | int], minimums: Mapping[str, float]) -> list[Failure]:
    """Every metric below its minimum (empty when the gate passes)."""
    failures = []
    for name, minimum in minimums.items():
        value = metric_value(metrics, name)
        if value < minimum:
            failures.append(Failure(name, value, minimum))
    return failures
