#!/usr/bin/python3
"""blr sweep peer: NumPy's closed form of Bayesian linear regression (blr.py's own closed_form, alpha=1,
beta=25) at one N, D = 50. Data as blr.py: default_rng(5), X = standard_normal((N, D)), w ~ N(0, 1),
y = X w + N(0, 0.2). Timed like blr.py: sufficient statistics (X^T X, X^T y, y^T y) + solve, on arrays
already in memory, the median of at least 3 repeats (more at small N, up to ~1 s).
Run: OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=2 /usr/bin/python3 blr_sweep.py PEERS_DIR N
Prints one JSON line: {"case": "blr-N", "metric": "closed_form_seconds", "value": ..., ...}."""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np
from blr import closed_form

N, D = int(sys.argv[2]), 50
rng = np.random.default_rng(5)
X = rng.standard_normal((N, D))
w = rng.normal(0, 1, D)
y = X @ w + rng.normal(0, 0.2, N)
times = []
start = time.perf_counter()
while len(times) < 3 or (time.perf_counter() - start < 1.0 and len(times) < 1000):
    t0 = time.perf_counter()
    XtX = X.T @ X
    Xty = X.T @ y
    yty = float(y @ y)
    m, S, logev = closed_form(XtX, Xty, yty, N, 1.0, 25.0)
    times.append(time.perf_counter() - t0)
times.sort()
print(json.dumps({"case": f"blr-{N}", "metric": "closed_form_seconds", "value": times[len(times) // 2],
                  "seconds_min": times[0], "reps": len(times), "log_evidence": float(logev),
                  "max_abs_err_vs_w_true": float(np.abs(m - w).max())}))
