"""Writes examples/bbb/bbb.json: the peer's toy regression (Blundell et al. 2015, §5.2; the same
1,000 points as ../shared/bench/peers/data/bbb_toy.csv, regenerated with its seed). Training inputs lie in [0, 0.5]. Run with /usr/bin/python3 examples/bbb/make_data.py."""
import json
from pathlib import Path

import numpy as np

rng = np.random.default_rng(2015)
n = 1000
x = rng.uniform(0.0, 0.5, n)
eps = rng.normal(0.0, 0.02, n)
y = x + 0.3 * np.sin(2 * np.pi * (x + eps)) + 0.3 * np.sin(4 * np.pi * (x + eps)) + eps
data = {"x": [[float(v)] for v in x], "y": [float(v) for v in y]}
Path(__file__).with_name("bbb.json").write_text(json.dumps(data))
