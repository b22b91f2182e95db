"""Independent reference values for the examples' READMEs: closed forms, fixed points computed
here in NumPy, a Gibbs sampler and importance sampling, from each example's bundled data. The
README rows whose source is not `run` come from this script's output (seeded, deterministic).
Run with /usr/bin/python3 examples/reference_values.py [NAME ...]."""
import json
import math
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent


def load(name):
    return json.loads((HERE / name / f"{name}.json").read_text())


def lbeta(a, b):
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def coin():
    flips = np.array(load("coin")["flips"], dtype=bool)
    a, b = 1 + flips.sum(), 1 + (~flips).sum()
    # Beta(1, 1) prior, Bernoulli likelihood: posterior Beta(1 + heads, 1 + tails) (Bishop 2006, eq. 2.18).
    return {"a": a, "b": b, "mean": a / (a + b), "sd": math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1))),
            "logEvidence": lbeta(a, b) - lbeta(1, 1)}


def poisson_gamma():
    x = np.array(load("poisson-gamma")["counts"], dtype=float)
    a0, b0 = 2.0, 0.5
    a, b = a0 + x.sum(), b0 + len(x)
    # log p(x) = a0 log b0 − lgamma(a0) + lgamma(a) − a log b − Σ lgamma(x_n + 1).
    log_ev = a0 * math.log(b0) - math.lgamma(a0) + math.lgamma(a) - a * math.log(b) - sum(math.lgamma(v + 1) for v in x)
    return {"a": a, "b": b, "mean": a / b, "sd": math.sqrt(a) / b, "logEvidence": log_ev}


def learning_a_gaussian():
    # Mean-field q(mu) q(tau) with independent priors N(0, precision 1e-2), Gamma(1e-2, 1e-2):
    # the coordinate-ascent fixed point (Bishop 2006, section 10.1.3, with the prior on mu not scaled by tau).
    x = np.array(load("learning-a-gaussian")["x"])
    n, l0, a0, b0 = len(x), 1e-2, 1e-2, 1e-2
    e_tau = 1.0
    for _ in range(10000):
        lam = l0 + n * e_tau
        m = e_tau * x.sum() / lam
        a = a0 + n / 2
        b = b0 + 0.5 * (np.sum((x - m) ** 2) + n / lam)
        if abs(a / b - e_tau) < 1e-15 * e_tau:
            break
        e_tau = a / b
    return {"mu.mean": m, "mu.sd": 1 / math.sqrt(lam), "tau.mean": a / b, "tau.sd": math.sqrt(a) / b}


def blr():
    # Mean-field q(w) q(alpha) q(beta) for Gamma(1e-2, 1e-2) priors on both precisions (Bishop 2006, section
    # 10.3, with beta given its own Gamma factor): coordinate ascent to the fixed point.
    d = load("blr")
    X, y, Xn = np.array(d["X"]), np.array(d["y"]), np.array(d["X_new"])
    n, k = X.shape
    ea, eb = 1.0, 1.0
    for _ in range(100000):
        S = np.linalg.inv(ea * np.eye(k) + eb * X.T @ X)
        m = eb * S @ X.T @ y
        aa, ba = 1e-2 + k / 2, 1e-2 + 0.5 * (m @ m + np.trace(S))
        ab, bb = 1e-2 + n / 2, 1e-2 + 0.5 * (np.sum((y - X @ m) ** 2) + np.trace(X.T @ X @ S))
        new = (aa / ba, ab / bb)
        if abs(new[0] - ea) < 1e-14 * ea and abs(new[1] - eb) < 1e-14 * eb:
            break
        ea, eb = new
    return {"alpha.mean": aa / ba, "beta.mean": ab / bb, "w.mean": m.tolist(), "w.sd": np.sqrt(np.diag(S)).tolist(),
            "y_new.mean": (Xn @ m).tolist()}


def blr_evidence():
    # Evidence maximisation (Bishop 2006, section 3.5.2, eqs. 3.91–3.95) and the log evidence (eq. 3.86).
    d = load("blr-evidence")
    X, y, Xn = np.array(d["X"]), np.array(d["y"]), np.array(d["X_new"])
    n, k = X.shape
    eig = np.linalg.eigvalsh(X.T @ X)
    alpha, beta = 1.0, 1.0
    for _ in range(100000):
        A = alpha * np.eye(k) + beta * X.T @ X
        m = beta * np.linalg.solve(A, X.T @ y)
        gamma = np.sum(beta * eig / (alpha + beta * eig))
        new = (gamma / (m @ m), (n - gamma) / np.sum((y - X @ m) ** 2))
        if abs(new[0] - alpha) < 1e-15 * alpha and abs(new[1] - beta) < 1e-15 * beta:
            break
        alpha, beta = new
    A = alpha * np.eye(k) + beta * X.T @ X
    m = beta * np.linalg.solve(A, X.T @ y)
    S = np.linalg.inv(A)
    e_m = beta / 2 * np.sum((y - X @ m) ** 2) + alpha / 2 * m @ m
    log_ev = k / 2 * math.log(alpha) + n / 2 * math.log(beta) - e_m - 0.5 * np.linalg.slogdet(A)[1] - n / 2 * math.log(2 * math.pi)
    pred_sd = np.sqrt(1 / beta + np.einsum("ij,jk,ik->i", Xn, S, Xn))  # eq. 3.59
    return {"alpha": alpha, "beta": beta, "logEvidence": log_ev, "w.mean": m.tolist(), "w.sd": np.sqrt(np.diag(S)).tolist(),
            "y_new.mean": (Xn @ m).tolist(), "y_new.sd": pred_sd.tolist()}


def ppca():
    # Maximum likelihood in closed form (Tipping and Bishop 1999, eqs. 7–8): sigma2 is the mean of the
    # discarded eigenvalues of the sample covariance; the log-likelihood is eq. 4 at the optimum.
    x = np.array(load("ppca")["x"])
    n, d = x.shape
    m = 2
    S = np.cov(x.T, bias=True)
    lam = np.sort(np.linalg.eigvalsh(S))[::-1]
    sigma2 = lam[m:].mean()
    log_det_c = np.sum(np.log(lam[:m])) + (d - m) * math.log(sigma2)
    ll = -n / 2 * (d * math.log(2 * math.pi) + log_det_c + d)
    return {"sigma2": sigma2, "logLikelihood": ll, "mu": x.mean(0).tolist()}


def rats(draws=40000, burn=2000, seed=1):
    # A Gibbs sampler for the same conjugate model (every full conditional is Normal or Gamma).
    d = load("rats")
    x, y = np.array(d["x"]), np.array(d["y"])
    r, t = y.shape
    xc = x - x.mean()
    rng = np.random.default_rng(seed)
    alpha, beta = y.mean(1), np.full(r, 6.0)
    ma, mb, ta, tb, ty = 240.0, 6.0, 1e-2, 1.0, 1e-2
    keep = []
    for i in range(draws + burn):
        prec = ta + ty * t
        alpha = rng.normal((ta * ma + ty * np.sum(y - beta[:, None] * xc, 1)) / prec, 1 / np.sqrt(prec))
        prec = tb + ty * np.sum(xc ** 2)
        beta = rng.normal((tb * mb + ty * np.sum((y - alpha[:, None]) * xc, 1)) / prec, 1 / np.sqrt(prec))
        prec = 1e-4 + ta * r
        ma = rng.normal(ta * alpha.sum() / prec, 1 / math.sqrt(prec))
        prec = 1e-4 + tb * r
        mb = rng.normal(tb * beta.sum() / prec, 1 / math.sqrt(prec))
        ta = rng.gamma(1e-3 + r / 2, 1 / (1e-3 + 0.5 * np.sum((alpha - ma) ** 2)))
        tb = rng.gamma(1e-3 + r / 2, 1 / (1e-3 + 0.5 * np.sum((beta - mb) ** 2)))
        resid = y - alpha[:, None] - beta[:, None] * xc
        ty = rng.gamma(1e-3 + r * t / 2, 1 / (1e-3 + 0.5 * np.sum(resid ** 2)))
        if i >= burn:
            keep.append((ma, mb, ty))
    keep = np.array(keep)
    return {"mu_alpha": (keep[:, 0].mean(), keep[:, 0].std()), "mu_beta": (keep[:, 1].mean(), keep[:, 1].std()),
            "tau_y": (keep[:, 2].mean(), keep[:, 2].std())}


def logistic_regression(samples=400000, seed=1):
    # Self-normalised importance sampling with a Student-t (5 dof) proposal around the Laplace
    # approximation: the exact posterior means and sds up to Monte Carlo error.
    d = load("logistic-regression")
    X, y = np.array(d["X"]), np.array(d["y"], dtype=float)
    A = np.hstack([X, np.ones((len(y), 1))])
    prior_prec = np.array([1.0, 1.0, 1.0, 1e-2])
    theta = np.zeros(4)
    for _ in range(100):
        p = 1 / (1 + np.exp(-A @ theta))
        g = A.T @ (y - p) - prior_prec * theta
        H = A.T @ (A * (p * (1 - p))[:, None]) + np.diag(prior_prec)
        theta = theta + np.linalg.solve(H, g)
    cov = np.linalg.inv(H)
    rng = np.random.default_rng(seed)
    L = np.linalg.cholesky(cov)
    nu = 5
    z = rng.standard_normal((samples, 4))
    u = rng.chisquare(nu, samples) / nu
    s = theta + (z @ L.T) / np.sqrt(u)[:, None]
    q = (z ** 2).sum(1) / u
    log_q = -(nu + 4) / 2 * np.log1p(q / nu)
    logits = s @ A.T
    log_p = (y * logits - np.logaddexp(0, logits)).sum(1) - 0.5 * (prior_prec * s ** 2).sum(1)
    w = np.exp(log_p - log_q - (log_p - log_q).max())
    w /= w.sum()
    mean = w @ s
    sd = np.sqrt(w @ (s - mean) ** 2)
    ess = 1 / np.sum(w ** 2)
    return {"mean": mean.tolist(), "sd": sd.tolist(), "ess": ess}


def gmm(iterations=5000):
    # EM in NumPy (Bishop 2006, section 9.2.2) from a start at spread-out data points: the
    # maximum-likelihood log-likelihood, which the backend must reach too.
    x = np.array(load("gmm")["x"])
    n, d = x.shape
    k = 3
    mu = x[np.argsort(x[:, 0])[[n // 6, n // 2, 5 * n // 6]]]
    cov = np.array([np.cov(x.T)] * k)
    w = np.full(k, 1 / k)
    for _ in range(iterations):
        log_r = np.stack([np.log(w[j]) - 0.5 * np.linalg.slogdet(2 * np.pi * cov[j])[1]
                          - 0.5 * np.einsum("ni,ij,nj->n", x - mu[j], np.linalg.inv(cov[j]), x - mu[j]) for j in range(k)], 1)
        ll = np.logaddexp.reduce(log_r, 1)
        r = np.exp(log_r - ll[:, None])
        nk = r.sum(0)
        w, mu = nk / n, (r.T @ x) / nk[:, None]
        cov = np.array([((x - mu[j]).T * r[:, j]) @ (x - mu[j]) / nk[j] for j in range(k)])
    return {"logLikelihood": ll.sum(), "weights": w.tolist(), "mu": mu.tolist()}


def digamma(x):
    # Recurrence up to x >= 6, then the asymptotic series (Abramowitz and Stegun 6.3.18).
    result = 0.0
    while x < 6:
        result -= 1 / x
        x += 1
    f = 1 / (x * x)
    return result + math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))))


def vb_gmm(iterations=400, seed=3):
    # Mean-field q(z) q(weights) Π q(mu_k) q(Lambda_k) for vb-gmm.ppl's priors (Dirichlet(1e-3), mu_k ~
    # N(0, precision 1e-2 I) independent of Lambda_k ~ Wishart(D + 1, I)), by coordinate ascent from
    # random responsibilities (Bishop 2006, section 10.2, with q(mu_k) and q(Lambda_k) separate because
    # the prior does not tie them). Components are labelled arbitrarily: match them by their means.
    x = np.array(load("vb-gmm")["x"])
    n, d = x.shape
    k = 6
    rng = np.random.default_rng(seed)
    r = rng.dirichlet(np.ones(k), n)
    e_lam = np.array([np.eye(d)] * k)
    m, S = np.zeros((k, d)), np.array([np.eye(d)] * k)
    for _ in range(iterations):
        nk = r.sum(0)
        alpha = 1e-3 + nk
        for j in range(k):
            prec = 1e-2 * np.eye(d) + nk[j] * e_lam[j]
            S[j] = np.linalg.inv(prec)
            m[j] = S[j] @ e_lam[j] @ (r[:, j] @ x)
        nu = d + 1 + nk
        W = np.array([np.linalg.inv(np.eye(d) + ((x - m[j]).T * r[:, j]) @ (x - m[j]) + nk[j] * S[j]) for j in range(k)])
        e_lam = nu[:, None, None] * W
        e_log_det = np.array([sum(digamma((nu[j] + 1 - i) / 2) for i in range(1, d + 1)) + d * math.log(2) + np.linalg.slogdet(W[j])[1] for j in range(k)])
        e_log_pi = np.array([digamma(a) for a in alpha]) - digamma(alpha.sum())
        quad = np.stack([np.einsum("ni,ij,nj->n", x - m[j], e_lam[j], x - m[j]) + np.trace(e_lam[j] @ S[j]) for j in range(k)], 1)
        log_rho = e_log_pi + 0.5 * e_log_det - 0.5 * d * math.log(2 * math.pi) - 0.5 * quad
        r = np.exp(log_rho - np.logaddexp.reduce(log_rho, 1)[:, None])
    used = np.argsort(-alpha)[:3]
    return {"weights.mean": (alpha[used] / alpha.sum()).tolist(), "mu.mean": m[used].tolist(),
            "Lambda.mean[.,0,0]": e_lam[used, 0, 0].tolist(), "others": (alpha / alpha.sum()).tolist()}


def poisson_mixture(iterations=5000):
    # EM in NumPy for two Poisson sources; the data were drawn with weights (0.3, 0.7) and rates (2, 9).
    x = np.array(load("poisson-mixture")["counts"], dtype=float)
    w, rate = np.array([0.5, 0.5]), np.array([1.0, 10.0])
    lgx = np.array([math.lgamma(v + 1) for v in x])
    for _ in range(iterations):
        log_r = np.log(w) + x[:, None] * np.log(rate) - rate - lgx[:, None]
        ll = np.logaddexp.reduce(log_r, 1)
        r = np.exp(log_r - ll[:, None])
        w, rate = r.mean(0), (r * x[:, None]).sum(0) / r.sum(0)
    return {"logLikelihood": ll.sum(), "weights": w.tolist(), "rate": rate.tolist()}


def heteroscedastic():
    # The log-likelihood of the data under the generating model (sin(3x), sd 0.05 + 0.2|x|).
    d = load("heteroscedastic")
    x, y = np.array(d["x"])[:, 0], np.array(d["y"])
    s = 0.05 + 0.2 * np.abs(x)
    true_ll = np.sum(-0.5 * ((y - np.sin(3 * x)) / s) ** 2 - np.log(s) - 0.5 * math.log(2 * math.pi))
    # The same true mean with one noise sd for every point (its maximum-likelihood value): what a
    # model that cannot split the noise by x reaches at best.
    s0 = np.sqrt(np.mean((y - np.sin(3 * x)) ** 2))
    homo_ll = len(y) * (-0.5 - math.log(s0) - 0.5 * math.log(2 * math.pi))
    return {"trueLogLikelihood": float(true_ll), "homoscedasticLogLikelihood": float(homo_ll)}


ALL = {"coin": coin, "poisson-gamma": poisson_gamma, "learning-a-gaussian": learning_a_gaussian, "blr": blr,
       "blr-evidence": blr_evidence, "ppca": ppca, "rats": rats, "logistic-regression": logistic_regression,
       "gmm": gmm, "vb-gmm": vb_gmm, "poisson-mixture": poisson_mixture, "heteroscedastic": heteroscedastic}

if __name__ == "__main__":
    np.set_printoptions(precision=10)
    for name in sys.argv[1:] or ALL:
        print(name, ALL[name]())
