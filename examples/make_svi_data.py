"""Writes the small data sets of the SVI examples (logistic-regression, heteroscedastic,
mc-dropout) beside their models. Run with /usr/bin/python3 examples/make_svi_data.py."""
import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent

rng = np.random.default_rng(8)
X = rng.normal(size=(200, 3))
w = np.array([1.5, -2.0, 0.5])
y = (rng.uniform(size=200) < 1 / (1 + np.exp(-(X @ w - 0.5)))).astype(int)
(HERE / "logistic-regression" / "logistic-regression.json").write_text(
    json.dumps({"X": X.round(6).tolist(), "y": y.tolist()}))

# Heteroscedastic: y = sin(3x) + noise whose sd grows with |x| (Kendall and Gal 2017's aleatoric case).
x = rng.uniform(-2, 2, 500)
y = np.sin(3 * x) + (0.05 + 0.2 * np.abs(x)) * rng.normal(size=500)
(HERE / "heteroscedastic" / "heteroscedastic.json").write_text(
    json.dumps({"x": [[round(v, 6)] for v in x], "y": y.round(6).tolist()}))

# MC dropout: the Bayes-by-Backprop toy (inputs in [0, 0.5]).
rng = np.random.default_rng(2015)
x = rng.uniform(0.0, 0.5, 1000)
eps = rng.normal(0.0, 0.02, 1000)
y = x + 0.3 * np.sin(2 * np.pi * (x + eps)) + 0.3 * np.sin(4 * np.pi * (x + eps)) + eps
(HERE / "mc-dropout" / "mc-dropout.json").write_text(
    json.dumps({"x": [[float(v)] for v in x], "y": [float(v) for v in y]}))
