"""Writes examples/poisson-mixture/poisson-mixture.json: 500 counts from two Poisson sources, 30% at
rate 2 and 70% at rate 9 (seeded; the fitted weights and rates should be near these).
Run with /usr/bin/python3 examples/poisson-mixture/make_data.py."""
import json
from pathlib import Path

import numpy as np

rng = np.random.default_rng(10)
n = 500
source = rng.uniform(size=n) < 0.3
counts = np.where(source, rng.poisson(2.0, n), rng.poisson(9.0, n))
Path(__file__).with_name("poisson-mixture.json").write_text(json.dumps({"counts": counts.tolist()}))
print(f"wrote {n} counts; first source {source.sum()} of them; mean {counts.mean():.4f}")
