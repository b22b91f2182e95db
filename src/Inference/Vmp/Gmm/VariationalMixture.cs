using System.Numerics.Tensors;
using Ppl.Inference.Em;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Summaries;
using Ppl.Inference.Vmp.Variables;
using Ppl.StdLib.Distributions;
using Ppl.Tensors.Special;

namespace Ppl.Inference.Vmp.Gmm;

/// <summary>The known priors of a variational Gaussian mixture.</summary>
/// <param name="Alpha0">Dirichlet concentration (K).</param>
/// <param name="Mean0">Prior mean of every μ_k (D).</param>
/// <param name="Precision0">Prior precision of every μ_k (D×D).</param>
/// <param name="Dof0">Wishart degrees of freedom ν₀.</param>
/// <param name="Scale0">Wishart scale W₀ (D×D).</param>
internal sealed record MixturePriors(double[] Alpha0, double[] Mean0, double[] Precision0, double Dof0, double[] Scale0);

/// <summary>
/// The variational Gaussian mixture (Bishop 2006, §10.2) as one block of the engine: π ~ Dirichlet(α₀),
/// μ_k ~ N(m₀, P₀⁻¹), Λ_k ~ Wishart(ν₀, W₀), z_n ~ Categorical(π), x_n ~ N(μ_{z_n}, Λ_{z_n}⁻¹), with
/// q(π) q(z) Π_k q(μ_k) q(Λ_k). The priors on μ and Λ are independent (as the model writes them), so
/// q(μ_k) and q(Λ_k) are separate factors rather than Bishop's Normal-Wishart; the updates are his
/// eqs 10.46–10.63 with that change. The passes over the data reuse the EM backend's full-covariance
/// kernels (<see cref="GaussianFullKernels"/>): the data feature-major once, q(z) kept as K rows of N,
/// blocks of 256 points per core; the quadratic forms whitened by the lower-triangular inverse of the
/// Cholesky factor of E[Λ_k]⁻¹, fused with the log-sum-exp; the statistics N_k, Σ r x and the scatter
/// centred on x̄_k = Σ r x / N_k in two passes; responsibilities below 1e-200 flushed to zero.
/// Components the data do not need end with N_k ≈ 0 and E[π_k] ≈ α₀/(Σα₀ + N): they are pruned.
/// </summary>
internal sealed class VariationalMixture
{
    private const double SmallestNormal = 2.2250738585072014e-308;

    private readonly double[] _x;
    private readonly double[] _xt;
    private readonly int _stride;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly MixturePriors _priors;
    private readonly double _logDetPrecision0;
    private readonly double[] _scale0Inverse;
    private readonly double[] _rt;
    private readonly double[] _alpha;
    private readonly double[] _expectedLogPi;
    private readonly double[][] _mean;
    private readonly double[][] _covariance;
    private readonly double[] _logDetCovariance;
    private readonly Wishart[] _lambda;
    private readonly double[] _nk;
    private readonly double[] _sums;
    private readonly double[] _centre;
    private readonly double[][] _scatter;
    private readonly double[][] _inverseScale;
    private readonly double[] _lowerInverse;
    private readonly double[] _shift;
    private readonly double[] _offset;
    private readonly double[] _logR;
    private readonly BlockScratch[] _blocks;

    /// <summary>A mixture over data x (N×D) with K components, initialised from K well-spread data points.</summary>
    /// <param name="names">Node names: weights, mu, Lambda, z, x.</param>
    /// <param name="x">The data, row-major N×D.</param>
    /// <param name="n">N.</param>
    /// <param name="d">D.</param>
    /// <param name="k">K.</param>
    /// <param name="priors">The priors.</param>
    /// <param name="seed">Seed of the initial centres.</param>
    public VariationalMixture(MixtureNames names, double[] x, int n, int d, int k, MixturePriors priors, ulong seed)
    {
        Names = names;
        _x = x;
        _n = n;
        _d = d;
        _k = k;
        _priors = priors;
        _logDetPrecision0 = (SpdMatrix.TryFactor(priors.Precision0, d) ?? throw new VmpModelException("the prior precision of the component means is not positive definite")).LogDeterminant;
        _scale0Inverse = (SpdMatrix.TryFactor(priors.Scale0, d) ?? throw new VmpModelException("the Wishart scale is not positive definite")).Inverse();
        _xt = GaussianFullKernels.Transpose(x, n, d);
        _stride = GaussianFullKernels.Stride(n);
        _rt = new double[k * _stride];
        _alpha = new double[k];
        _expectedLogPi = new double[k];
        _mean = [.. Enumerable.Range(0, k).Select(_ => new double[d])];
        _covariance = [.. Enumerable.Range(0, k).Select(_ => new double[d * d])];
        _logDetCovariance = new double[k];
        _lambda = new Wishart[k];
        _nk = new double[k];
        _sums = new double[k * d];
        _centre = new double[k * d];
        _scatter = [.. Enumerable.Range(0, k).Select(_ => new double[d * d])];
        _inverseScale = [.. Enumerable.Range(0, k).Select(_ => new double[d * d])];
        _lowerInverse = new double[k * d * d];
        _shift = new double[k * d];
        _offset = new double[k];
        _logR = new double[k * _stride];
        _blocks = [.. Enumerable.Range(0, RowChunks.Count(n)).Select(_ => new BlockScratch(d, k))];
        InitialiseResponsibilities(seed);
    }

    /// <summary>The nodes the block stands for.</summary>
    public MixtureNames Names { get; }

    /// <summary>The expected number of points per component, N_k (Bishop 2006, eq. 10.51).</summary>
    public IReadOnlyList<double> Counts => _nk;

    private void InitialiseResponsibilities(ulong seed)
    {
        // Farthest-point centres from a seeded first point, then hard assignment to the nearest.
        var random = new Tensors.Random.RandomSource(seed);
        var centres = new List<int> { random.NextInt(_n) };
        var nearest = new double[_n];
        Array.Fill(nearest, double.PositiveInfinity);
        while (centres.Count < _k)
        {
            var last = _x.AsSpan(centres[^1] * _d, _d);
            var best = 0;
            for (var i = 0; i < _n; i++)
            {
                var dist = TensorPrimitives.Distance(_x.AsSpan(i * _d, _d), last);
                nearest[i] = Math.Min(nearest[i], dist);
                if (nearest[i] > nearest[best])
                {
                    best = i;
                }
            }

            centres.Add(best);
        }

        for (var i = 0; i < _n; i++)
        {
            var row = _x.AsSpan(i * _d, _d);
            var bestK = 0;
            var bestDist = double.PositiveInfinity;
            for (var c = 0; c < _k; c++)
            {
                var dist = TensorPrimitives.Distance(row, _x.AsSpan(centres[c] * _d, _d));
                if (dist < bestDist)
                {
                    bestDist = dist;
                    bestK = c;
                }
            }

            _rt[bestK * _stride + i] = 1;
        }

        for (var c = 0; c < _k; c++)
        {
            _x.AsSpan(centres[c] * _d, _d).CopyTo(_mean[c]);
        }

        GatherStatistics();
    }

    /// <summary>One sweep: q(π), q(Λ_k), q(μ_k) from the statistics of r, then q(z).</summary>
    public void Update()
    {
        UpdateWeights();
        for (var c = 0; c < _k; c++)
        {
            UpdatePrecision(c);
            UpdateMean(c);
        }

        UpdateResponsibilities();
        GatherStatistics();
    }

    private void UpdateWeights()
    {
        // Bishop 2006, eq. 10.58: α_k = α₀ + N_k; E[log π_k] = ψ(α_k) − ψ(Σα) (eq. 10.66).
        for (var c = 0; c < _k; c++)
        {
            _alpha[c] = _priors.Alpha0[c] + _nk[c];
        }

        var total = SpecialFunctions.Digamma(_alpha.Sum());
        for (var c = 0; c < _k; c++)
        {
            _expectedLogPi[c] = SpecialFunctions.Digamma(_alpha[c]) - total;
        }
    }

    /// <summary>
    /// E[Σ_n r_nk (x_n − μ_k)(x_n − μ_k)ᵀ] = C_k + N_k ((x̄_k − m_k)(x̄_k − m_k)ᵀ + Σ_k), with C_k the scatter
    /// centred on x̄_k (Bishop 2006, eqs 10.52–10.53); equal to S2_k − s_k m_kᵀ − m_k s_kᵀ + N_k (m_k m_kᵀ + Σ_k)
    /// without its cancellation.
    /// </summary>
    private double[] ExpectedScatter(int c)
    {
        var d = _d;
        var result = (double[])_scatter[c].Clone();
        var centre = _centre.AsSpan(c * d, d);
        var m = _mean[c];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                result[i * d + j] += _nk[c] * ((centre[i] - m[i]) * (centre[j] - m[j]) + _covariance[c][i * d + j]);
            }
        }

        return result;
    }

    private void UpdatePrecision(int c)
    {
        // ν_k = ν₀ + N_k; W_k⁻¹ = W₀⁻¹ + E[scatter] (Bishop 2006, eqs 10.62–10.63 without the μ coupling).
        var inverseScale = ExpectedScatter(c);
        for (var i = 0; i < inverseScale.Length; i++)
        {
            inverseScale[i] += _scale0Inverse[i];
        }

        inverseScale.CopyTo(_inverseScale[c], 0);
        _lambda[c] = Wishart.FromInverseScale(_priors.Dof0 + _nk[c], inverseScale);
    }

    private void UpdateMean(int c)
    {
        // P_k = P₀ + N_k E[Λ_k]; m_k = P_k⁻¹ (P₀ m₀ + E[Λ_k] s_k) (Bishop 2006, eq. 10.60 in VMP form).
        var d = _d;
        var expectedLambda = _lambda[c].Mean;
        var precision = new double[d * d];
        var h = new double[d];
        var s = _sums.AsSpan(c * d, d);
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                precision[i * d + j] = _priors.Precision0[i * d + j] + _nk[c] * expectedLambda[i * d + j];
                h[i] += _priors.Precision0[i * d + j] * _priors.Mean0[j] + expectedLambda[i * d + j] * s[j];
            }
        }

        var factor = SpdMatrix.TryFactor(precision, d) ?? throw new VmpModelException("a component's posterior precision is not positive definite");
        factor.Solve(h);
        h.CopyTo(_mean[c], 0);
        _covariance[c] = factor.Inverse();
        _logDetCovariance[c] = -factor.LogDeterminant;
    }

    private void UpdateResponsibilities()
    {
        // log ρ_nk = E[log π_k] + ½E[log|Λ_k|] − (D/2) log 2π − ½[(x_n − m_k)ᵀE[Λ_k](x_n − m_k) + tr(E[Λ_k]Σ_k)]
        // (Bishop 2006, eqs 10.46, 10.64–10.66). With E[Λ_k]⁻¹ = W_k⁻¹/ν_k = LLᵀ, the quadratic form is
        // ‖L⁻¹x_n − L⁻¹m_k‖², the EM kernel's whitened distance with L⁻¹ lower triangular.
        var d = _d;
        var lower = new double[d * d];
        for (var c = 0; c < _k; c++)
        {
            TensorPrimitives.Divide(_inverseScale[c], _lambda[c].DegreesOfFreedom, lower);
            if (StdLib.LinearAlgebra.CholeskyDecomposition.FactorInPlace(lower, d) >= 0)
            {
                throw new VmpModelException("a component's expected precision is not positive definite");
            }

            var inverse = _lowerInverse.AsSpan(c * d * d, d * d);
            GaussianFullKernels.InvertLower(lower, inverse, d);
            for (var i = 0; i < d; i++)
            {
                _shift[c * d + i] = TensorPrimitives.Dot<double>(inverse.Slice(i * d, d), _mean[c]);
            }

            _offset[c] = _expectedLogPi[c] + 0.5 * _lambda[c].ExpectedLogDeterminant - 0.5 * d * Math.Log(2 * Math.PI)
                - 0.5 * SpdMatrix.TraceOfProduct(_lambda[c].Mean, _covariance[c], d);
        }

        RowChunks.For(_n, GaussianFullKernels.Block, (chunk, first, last) =>
        {
            var joint = _blocks[chunk].Joint;
            var rowLogLikelihood = _blocks[chunk].RowLogLikelihood;
            for (var start = first; start < last; start += GaussianFullKernels.Block)
            {
                var count = Math.Min(GaussianFullKernels.Block, last - start);
                for (var c = 0; c < _k; c++)
                {
                    var row = joint.AsSpan(c * GaussianFullKernels.Block, GaussianFullKernels.Block);
                    GaussianFullKernels.WhitenedDistances(_xt, _stride, d, start, count, _lowerInverse.AsSpan(c * d * d, d * d), _shift.AsSpan(c * d, d), row);
                    GaussianFullKernels.ScaleShift(row, -0.5, _offset[c]);
                }

                GaussianFullKernels.Normalise(joint, _k, count, rowLogLikelihood);
                for (var c = 0; c < _k; c++)
                {
                    joint.AsSpan(c * GaussianFullKernels.Block, count).CopyTo(_rt.AsSpan(c * _stride + start, count));
                }
            }
        });
    }

    private void GatherStatistics()
    {
        // N_k = Σ r, s_k = Σ r x, then C_k = Σ r (x − x̄_k)(x − x̄_k)ᵀ with x̄_k = s_k / N_k: the two-pass
        // centred statistics of Bishop 2006, eqs 10.51–10.53, partial sums per core.
        var d = _d;
        RowChunks.For(_n, GaussianFullKernels.Block, (chunk, first, last) =>
        {
            var block = _blocks[chunk];
            Array.Clear(block.Counts);
            Array.Clear(block.Sums);
            if (first < last)
            {
                for (var c = 0; c < _k; c++)
                {
                    var weight = _rt.AsSpan(c * _stride + first, last - first);
                    block.Counts[c] = TensorPrimitives.Sum<double>(weight);
                    for (var j = 0; j < d; j++)
                    {
                        block.Sums[c * d + j] = GaussianFullKernels.Dot(weight, _xt.AsSpan(j * _stride + first, last - first));
                    }
                }
            }
        });
        Array.Clear(_nk);
        Array.Clear(_sums);
        foreach (var block in _blocks)
        {
            TensorPrimitives.Add(_nk, block.Counts, _nk);
            TensorPrimitives.Add(_sums, block.Sums, _sums);
        }

        for (var c = 0; c < _k; c++)
        {
            var centre = _centre.AsSpan(c * d, d);
            if (_nk[c] > 0)
            {
                TensorPrimitives.Divide(_sums.AsSpan(c * d, d), _nk[c], centre);
            }
            else
            {
                centre.Clear();
            }
        }

        RowChunks.For(_n, GaussianFullKernels.Block, (chunk, first, last) =>
        {
            var block = _blocks[chunk];
            Array.Clear(block.Scatter);
            GaussianFullKernels.AddScatters(_xt, _stride, d, _k, first, last, _rt, _centre, block.Centred, block.Weighted, block.Scatter);
        });
        for (var c = 0; c < _k; c++)
        {
            var scatter = _scatter[c].AsSpan();
            scatter.Clear();
            foreach (var block in _blocks)
            {
                TensorPrimitives.Add(scatter, block.Scatter.AsSpan(c * d * d, d * d), scatter);
            }

            // AddScatter fills the lower triangle.
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    scatter[j * d + i] = scatter[i * d + j];
                }
            }
        }
    }

    /// <summary>q(z) as N×K row-major probabilities.</summary>
    internal double[] Responsibilities()
    {
        var p = new double[_n * _k];
        for (var c = 0; c < _k; c++)
        {
            for (var i = 0; i < _n; i++)
            {
                p[i * _k + c] = _rt[c * _stride + i];
            }
        }

        return p;
    }

    /// <summary>
    /// The block's part of the ELBO: E[log p(x | z, μ, Λ)] + E[log p(z | π)] + E[log p(π)] + Σ E[log p(μ_k)]
    /// + Σ E[log p(Λ_k)] + H[q(z)] + H[q(π)] + Σ H[q(μ_k)] + Σ H[q(Λ_k)] (Bishop 2006, eqs 10.70–10.77).
    /// </summary>
    /// <returns>The ELBO terms of the block.</returns>
    public double Elbo()
    {
        var d = _d;
        var halfDLogTwoPi = 0.5 * d * Math.Log(2 * Math.PI);
        var sum = SpecialFunctions.LogGamma(_priors.Alpha0.Sum()) - _priors.Alpha0.Sum(SpecialFunctions.LogGamma);
        sum += new Dirichlet(_alpha).Entropy;
        var logDetScale0 = -(SpdMatrix.TryFactor(_scale0Inverse, d)!.LogDeterminant);
        var nu0 = _priors.Dof0;
        for (var c = 0; c < _k; c++)
        {
            var lambda = _lambda[c];
            var expectedLambda = lambda.Mean;
            var eLogDet = lambda.ExpectedLogDeterminant;
            sum += (_priors.Alpha0[c] - 1 + _nk[c]) * _expectedLogPi[c];
            sum += _nk[c] * (0.5 * eLogDet - halfDLogTwoPi) - 0.5 * SpdMatrix.TraceOfProduct(expectedLambda, ExpectedScatter(c), d);
            var r = new double[d];
            TensorPrimitives.Subtract(_mean[c], _priors.Mean0, r);
            sum += 0.5 * _logDetPrecision0 - halfDLogTwoPi
                - 0.5 * (SpdMatrix.TraceOfProduct(_priors.Precision0, _covariance[c], d) + SpdMatrix.Bilinear(_priors.Precision0, r, r));
            sum += -0.5 * nu0 * logDetScale0 - 0.5 * nu0 * d * Math.Log(2) - SpecialFunctions.MultivariateLogGamma(0.5 * nu0, d)
                + 0.5 * (nu0 - d - 1) * eLogDet - 0.5 * SpdMatrix.TraceOfProduct(_scale0Inverse, expectedLambda, d);
            sum += 0.5 * d * (1 + Math.Log(2 * Math.PI)) + 0.5 * _logDetCovariance[c];
            sum += lambda.Entropy;
        }

        // H[q(z)] = −Σ r log r with 0 log 0 = 0: log max(r, ε) is finite, so r = 0 adds exactly 0; ε is the
        // smallest normal double, because logarithms of subnormals take a slow path.
        // Vectorised into a scratch buffer of q(z)'s shape.
        // The padding past N holds r = 0 and adds nothing.
        TensorPrimitives.Max(_rt, SmallestNormal, _logR);
        TensorPrimitives.Log(_logR, _logR);
        return sum - GaussianFullKernels.Dot(_rt, _logR);
    }

    /// <summary>The posteriors of the weights, the component means and precisions (and z when asked for).</summary>
    /// <param name="showIndicators">Whether to list q(z) (N×K).</param>
    /// <returns>The summaries.</returns>
    public IEnumerable<Posterior> Summarise(bool showIndicators)
    {
        var d = _d;
        yield return PosteriorSummaries.Dirichlet(Names.Weights, _alpha);
        var means = _mean.SelectMany(m => m).ToArray();
        var sds = Enumerable.Range(0, _k).SelectMany(c => Enumerable.Range(0, d).Select(i => Math.Sqrt(_covariance[c][i * d + i]))).ToArray();
        var mu = PosteriorSummaries.Normal(Names.Means, [_k, d], means, sds);
        yield return mu with
        {
            Family = "MvNormal",
            Parameters = new Dictionary<string, NdArray>
            {
                ["mean"] = new([_k, d], means),
                ["cov"] = new([_k, d, d], [.. _covariance.SelectMany(c => c)]),
            },
        };
        var wisharts = _lambda;
        var lambdaMean = wisharts.SelectMany(w => w.Mean).ToArray();
        var lambdaSd = wisharts.SelectMany(w => w.Variance.Select(Math.Sqrt)).ToArray();
        var (q05, q50, q95) = WishartElementQuantiles(wisharts, lambdaMean, lambdaSd);
        yield return new Posterior(Names.Precisions, "Wishart",
            new Dictionary<string, NdArray>
            {
                ["dof"] = new([_k], [.. wisharts.Select(w => w.DegreesOfFreedom)]),
                ["scale"] = new([_k, d, d], [.. wisharts.SelectMany(w => w.Scale.ToArray())]),
            },
            new NdArray([_k, d, d], lambdaMean), new NdArray([_k, d, d], lambdaSd),
            new NdArray([_k, d, d], q05), new NdArray([_k, d, d], q50), new NdArray([_k, d, d], q95));
        if (showIndicators)
        {
            yield return IndicatorSummary();
        }
    }

    /// <summary>
    /// The 5%, 50% and 95% points of each element of the Wishart posteriors. A diagonal element is
    /// exactly Gamma: Λ_ii ~ W_ii χ²_ν = Gamma(ν/2, scale 2 W_ii) (Anderson 2003, §7.3), so its
    /// quantiles are exact and positive. An off-diagonal element has no closed-form marginal; it gets
    /// the Normal with its mean ν W_ij and sd √(ν (W_ij² + W_ii W_jj)).
    /// </summary>
    private (double[] Q05, double[] Q50, double[] Q95) WishartElementQuantiles(Wishart[] wisharts, double[] mean, double[] sd)
    {
        const double z95 = 1.6448536269514722;
        var d = _d;
        var q05 = new double[mean.Length];
        var q50 = new double[mean.Length];
        var q95 = new double[mean.Length];
        for (var c = 0; c < wisharts.Length; c++)
        {
            var scale = wisharts[c].Scale.ToArray();
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    var e = c * d * d + i * d + j;
                    if (i == j)
                    {
                        var diagonal = Gamma.FromScale(wisharts[c].DegreesOfFreedom / 2, 2 * scale[i * d + i]);
                        (q05[e], q50[e], q95[e]) = (diagonal.Quantile(0.05), diagonal.Quantile(0.5), diagonal.Quantile(0.95));
                    }
                    else
                    {
                        (q05[e], q50[e], q95[e]) = (mean[e] - z95 * sd[e], mean[e], mean[e] + z95 * sd[e]);
                    }
                }
            }
        }
        return (q05, q50, q95);
    }

    /// <summary>q(z_n) per point: probabilities p (N×K); mean and sd of the index; quantiles of the categorical.</summary>
    private Posterior IndicatorSummary()
    {
        var mean = new double[_n];
        var sd = new double[_n];
        var q = new double[3][];
        for (var j = 0; j < 3; j++)
        {
            q[j] = new double[_n];
        }

        double[] levels = [0.05, 0.5, 0.95];
        for (var i = 0; i < _n; i++)
        {
            double m = 0, m2 = 0, cumulative = 0;
            var next = 0;
            for (var c = 0; c < _k; c++)
            {
                var p = _rt[c * _stride + i];
                m += c * p;
                m2 += c * c * p;
                cumulative += p;
                while (next < 3 && cumulative >= levels[next] - 1e-12)
                {
                    q[next++][i] = c;
                }
            }

            while (next < 3)
            {
                q[next++][i] = _k - 1;
            }

            mean[i] = m;
            sd[i] = Math.Sqrt(Math.Max(0, m2 - m * m));
        }

        int[] shape = [_n];
        return new Posterior(Names.Indicators, "Categorical",
            new Dictionary<string, NdArray> { ["p"] = new([_n, _k], Responsibilities()) },
            new NdArray(shape, mean), new NdArray(shape, sd), new NdArray(shape, q[0]), new NdArray(shape, q[1]), new NdArray(shape, q[2]));
    }

    /// <summary>One core's scratch: a block's log-joint and centred/weighted features, and its partial sums.</summary>
    private sealed class BlockScratch(int d, int k)
    {
        public double[] Joint { get; } = new double[k * GaussianFullKernels.Block];

        public double[] RowLogLikelihood { get; } = new double[GaussianFullKernels.Block];

        public double[] Centred { get; } = new double[d * GaussianFullKernels.Block];

        public double[] Weighted { get; } = new double[d * GaussianFullKernels.Block];

        public double[] Counts { get; } = new double[k];

        public double[] Sums { get; } = new double[k * d];

        public double[] Scatter { get; } = new double[k * d * d];
    }
}

/// <summary>The node names of a variational mixture.</summary>
/// <param name="Weights">The Dirichlet weights.</param>
/// <param name="Means">The component means.</param>
/// <param name="Precisions">The component precisions.</param>
/// <param name="Indicators">The indicators z.</param>
/// <param name="Observed">The observed node.</param>
internal sealed record MixtureNames(string Weights, string Means, string Precisions, string Indicators, string Observed)
{
    /// <summary>All five.</summary>
    public IReadOnlySet<string> All => new HashSet<string> { Weights, Means, Precisions, Indicators, Observed };
}
