#!/usr/bin/python3
"""The gmm-em sweep's peer: scikit-learn GaussianMixture (full covariance, K = 8, D = 10) at each N
given on the command line, a fixed number of EM iterations (tol = 0), k-means initialisation included
in the timed fit, exactly as the gmm-em-{N} sweep points of bench/Ppl.Bench (GmmEmSweep).

Data: the first min(N, 100,000) rows of the shared peers' data/gmm_N100000_D10_K8.csv.gz (made by
gmm_sklearn.py); for N > 100,000 those rows are repeated (row i is row i mod 100,000), the same on
both sides. Usage: gmm_em_sweep_sklearn.py DATA_CSV_GZ ITERATIONS N1 [N2 ...]
Prints one JSON line per N: {"case": "gmm_em_sweep", "metric": "fit_seconds", "n": N, ...}.
"""
import os
os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
import json, sys, time, warnings
import numpy as np
from sklearn.mixture import GaussianMixture
from sklearn.exceptions import ConvergenceWarning

warnings.filterwarnings("ignore", category=ConvergenceWarning)
path, iterations, sizes = sys.argv[1], int(sys.argv[2]), [int(v) for v in sys.argv[3:]]
base = np.loadtxt(path, delimiter=",", skiprows=1)[:, :10].copy()
for n in sizes:
    X = np.ascontiguousarray(base[np.arange(n) % base.shape[0]])
    gm = GaussianMixture(n_components=8, covariance_type="full", max_iter=iterations, tol=0, n_init=1,
                         init_params="kmeans", random_state=0)
    start = time.perf_counter()
    gm.fit(X)
    seconds = time.perf_counter() - start
    print(json.dumps({"case": "gmm_em_sweep", "metric": "fit_seconds", "n": n, "value": seconds,
                      "iterations": int(gm.n_iter_), "avg_loglik": float(gm.score(X))}), flush=True)
