"""The learned ranker's second stage: a small neural network over a candidate's named features.

The linear model (:mod:`reader.core.tag_ranker`) scores every phrase of the article cheaply and drops
the unlikely ones; the candidates left (a few dozen) have their features named
(:func:`reader.core.tag_spans.features`) and are scored again by this network: a linear part plus one
hidden layer of rectified units, so that features can weigh differently together than alone (a
two-character phrase is a likely name after a role, not at the start of a clause).  Trained with the
linear model by ``bench/tagging_train.py`` on the development parts only; stored in the same model file
under ``"network"``::

    {"hidden": H, "inputs": {feature: [linear, w_1, …, w_H]}, "bias": [b_1, …, b_H],
     "output": [u_1, …, u_H]}

    z = Σ_f x_f·linear_f + Σ_k u_k · max(0, b_k + Σ_f x_f·w_fk)

Pure Python (no numpy at run time): a few dozen candidates of about thirty features each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Feature = tuple[str, float]


@dataclass(frozen=True, slots=True)
class Network:
    """One hidden layer of ``len(bias)`` rectified units over named features, plus a linear part."""

    inputs: Mapping[str, tuple[float, tuple[float, ...]]]  # feature → (linear weight, weight into each unit)
    bias: tuple[float, ...]
    output: tuple[float, ...]

    def score(self, feats: Sequence[Feature]) -> float:
        """The linear score (log-odds) of a candidate with these features."""
        z = 0.0
        rows: list[Sequence[float]] = [self.bias]  # summed by unit at the end (faster than unit by unit)
        get = self.inputs.get
        for name, value in feats:
            row = get(name)
            if row is None or not value:
                continue
            linear, into = row
            z += linear * value
            rows.append(into if value == 1.0 else [w * value for w in into])
        hidden = map(sum, zip(*rows, strict=True))
        return z + sum(u * h for u, h in zip(self.output, hidden, strict=True) if h > 0.0)


def parse(data: object, where: str) -> Network:
    """The network stored as ``data`` (the ``"network"`` of a model file); ``ValueError`` naming ``where``
    when it is malformed."""
    if not isinstance(data, dict):
        raise ValueError(f"{where}: the network is no object")
    try:
        bias = tuple(float(x) for x in data["bias"])
        output = tuple(float(x) for x in data["output"])
        width = int(data["hidden"])
        rows = {str(name): [float(x) for x in row] for name, row in data["inputs"].items()}
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ValueError(f"{where}: not a ranker network ({exc!r})") from exc
    if not (len(bias) == len(output) == width) or width < 1:
        raise ValueError(
            f"{where}: the network has {width} units but {len(bias)} biases and {len(output)} outputs"
        )
    wrong = next((name for name, row in rows.items() if len(row) != width + 1), None)
    if wrong is not None:
        raise ValueError(
            f"{where}: the network's feature {wrong!r} has {len(rows[wrong])} weights, not {width + 1}"
        )
    return Network({name: (row[0], tuple(row[1:])) for name, row in rows.items()}, bias, output)
