"""Writes examples/bbb-mixture/bbb-mixture.json: 300 points of the toy regression of Blundell et al.
(2015, §5.2), y = x + 0.3 sin(2π(x + ε)) + 0.3 sin(4π(x + ε)) + ε, ε ~ N(0, 0.02²), inputs in
[0, 0.5] (the curve of examples/bbb/make_data.py, fewer points, its own fixed seed).
Run with /usr/bin/python3 examples/bbb-mixture/make_data.py."""
import json
from pathlib import Path

import numpy as np

rng = np.random.default_rng(2016)
n = 300
x = rng.uniform(0.0, 0.5, n)
eps = rng.normal(0.0, 0.02, n)
y = x + 0.3 * np.sin(2 * np.pi * (x + eps)) + 0.3 * np.sin(4 * np.pi * (x + eps)) + eps
data = {"x": [[round(float(v), 6)] for v in x], "y": [round(float(v), 6) for v in y]}
Path(__file__).with_name("bbb-mixture.json").write_text(json.dumps(data))
