using System.Numerics.Tensors;
using Ppl.Inference.Vmp;
using Ppl.Inference.Vmp.Gmm;
using Ppl.Inference.Vmp.Variables;
using Ppl.StdLib.Distributions;
using Ppl.Tensors.Kernels;
using Ppl.Tensors.Special;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>
/// The slow twin of <see cref="VariationalMixture"/>: its implementation before the blocked kernels
/// (row-major responsibilities, one GEMM per component for the quadratic forms, raw Σ r x xᵀ statistics
/// by the augmented Gram). The fast block must give the same ELBO and posteriors.
/// </summary>
internal sealed class VariationalMixtureReference
{
    private readonly double[] _x;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly MixturePriors _priors;
    private readonly double _logDetPrecision0;
    private readonly double[] _scale0Inverse;
    private readonly double[] _r;
    private readonly double[] _alpha;
    private readonly double[] _expectedLogPi;
    private readonly double[][] _mean;
    private readonly double[][] _covariance;
    private readonly double[] _logDetCovariance;
    private readonly Wishart[] _lambda;
    private readonly double[] _nk;
    private readonly double[] _sums;
    private readonly double[][] _scatter;
    private readonly double[] _work;
    private readonly double[] _column;
    private readonly double[] _logRho;

    /// <summary>A mixture over data x (N×D) with K components, initialised from K well-spread data points.</summary>
    /// <param name="names">Node names: weights, mu, Lambda, z, x.</param>
    /// <param name="x">The data, row-major N×D.</param>
    /// <param name="n">N.</param>
    /// <param name="d">D.</param>
    /// <param name="k">K.</param>
    /// <param name="priors">The priors.</param>
    /// <param name="seed">Seed of the initial centres.</param>
    public VariationalMixtureReference(MixtureNames names, double[] x, int n, int d, int k, MixturePriors priors, ulong seed)
    {
        Names = names;
        _x = x;
        _n = n;
        _d = d;
        _k = k;
        _priors = priors;
        _logDetPrecision0 = (SpdMatrix.TryFactor(priors.Precision0, d) ?? throw new VmpModelException("the prior precision of the component means is not positive definite")).LogDeterminant;
        _scale0Inverse = (SpdMatrix.TryFactor(priors.Scale0, d) ?? throw new VmpModelException("the Wishart scale is not positive definite")).Inverse();
        _r = new double[n * k];
        _alpha = new double[k];
        _expectedLogPi = new double[k];
        _mean = [.. Enumerable.Range(0, k).Select(_ => new double[d])];
        _covariance = [.. Enumerable.Range(0, k).Select(_ => new double[d * d])];
        _logDetCovariance = new double[k];
        _lambda = new Wishart[k];
        _nk = new double[k];
        _sums = new double[k * d];
        _scatter = [.. Enumerable.Range(0, k).Select(_ => new double[d * d])];
        _work = new double[n * d];
        _column = new double[n];
        _logRho = new double[n * k];
        InitialiseResponsibilities(seed);
    }

    /// <summary>The nodes the block stands for.</summary>
    public MixtureNames Names { get; }

    /// <summary>The expected number of points per component, N_k (Bishop 2006, eq. 10.51).</summary>
    public IReadOnlyList<double> Counts => _nk;

    /// <summary>The Dirichlet parameters α_k.</summary>
    public IReadOnlyList<double> Alpha => _alpha;

    /// <summary>The means of q(μ_k).</summary>
    public double[][] Means => _mean;

    /// <summary>The covariances of q(μ_k).</summary>
    public double[][] Covariances => _covariance;

    /// <summary>q(Λ_k).</summary>
    public Wishart[] Precisions => _lambda;

    /// <summary>The responsibilities, N×K row-major.</summary>
    public double[] Responsibilities => _r;

    private void InitialiseResponsibilities(ulong seed)
    {
        // Farthest-point centres from a seeded first point, then hard assignment to the nearest.
        var random = new Ppl.Tensors.Random.RandomSource(seed);
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

            _r[i * _k + bestK] = 1;
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

    /// <summary>E[Σ_n r_nk (x_n − μ_k)(x_n − μ_k)ᵀ] = S2_k − s_k m_kᵀ − m_k s_kᵀ + N_k (m_k m_kᵀ + Σ_k).</summary>
    private double[] ExpectedScatter(int c)
    {
        var d = _d;
        var result = (double[])_scatter[c].Clone();
        var s = _sums.AsSpan(c * d, d);
        var m = _mean[c];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                result[i * d + j] += -s[i] * m[j] - m[i] * s[j] + _nk[c] * (m[i] * m[j] + _covariance[c][i * d + j]);
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
        // (Bishop 2006, eqs 10.46, 10.64–10.66); the quadratic form as ‖Lᵀx_n − Lᵀm_k‖² with E[Λ_k] = LLᵀ.
        var d = _d;
        var log = _logRho;
        for (var c = 0; c < _k; c++)
        {
            var expectedLambda = _lambda[c].Mean;
            var lower = (double[])expectedLambda.Clone();
            StdLib.LinearAlgebra.CholeskyDecomposition.FactorInPlace(lower, d);
            Gemm.Multiply(_x, lower, _work, _n, d, d);
            var shift = new double[d];
            for (var j = 0; j < d; j++)
            {
                for (var i = 0; i < d; i++)
                {
                    shift[j] += _mean[c][i] * lower[i * d + j];
                }
            }

            var constant = _expectedLogPi[c] + 0.5 * _lambda[c].ExpectedLogDeterminant - 0.5 * d * Math.Log(2 * Math.PI)
                - 0.5 * SpdMatrix.TraceOfProduct(expectedLambda, _covariance[c], d);
            var k = c;
            Parallel.For(0, 2, part =>
            {
                var from = part * _n / 2;
                var to = (part + 1) * _n / 2;
                Span<double> diff = stackalloc double[d];
                for (var i = from; i < to; i++)
                {
                    TensorPrimitives.Subtract(_work.AsSpan(i * d, d), shift, diff);
                    log[i * _k + k] = constant - 0.5 * TensorPrimitives.Dot<double>(diff, diff);
                }
            });
        }

        Parallel.For(0, 2, part =>
        {
            var from = part * _n / 2;
            var to = (part + 1) * _n / 2;
            for (var i = from; i < to; i++)
            {
                var row = log.AsSpan(i * _k, _k);
                var max = TensorPrimitives.Max<double>(row);
                var target = _r.AsSpan(i * _k, _k);
                TensorPrimitives.Subtract(row, max, target);
                TensorPrimitives.Exp(target, target);
                var sum = TensorPrimitives.Sum<double>(target);
                TensorPrimitives.Divide(target, sum, target);
            }
        });
    }

    private void GatherStatistics()
    {
        // N_k = Σ r, s_k = Σ r x, S2_k = Σ r x xᵀ in one pass per component (Bishop 2006, eqs 10.51–10.53).
        var d = _d;
        for (var c = 0; c < _k; c++)
        {
            for (var i = 0; i < _n; i++)
            {
                _column[i] = _r[i * _k + c];
            }

            var gram = Ppl.Inference.Vmp.Factors.AugmentedGram.ComputeWeighted(_x, _column, d);
            _nk[c] = gram[(d + 1) * (d + 1) - 1];
            for (var i = 0; i < d; i++)
            {
                gram.AsSpan(i * (d + 1), d).CopyTo(_scatter[c].AsSpan(i * d, d));
                _sums[c * d + i] = gram[i * (d + 1) + d];
            }
        }
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

        // H[q(z)] = −Σ r log r with 0 log 0 = 0: log max(r, ε) is finite, so r = 0 adds exactly 0.
        // Vectorised into the log-ρ buffer, which the next responsibilities update overwrites.
        TensorPrimitives.Max(_r, double.Epsilon, _logRho);
        TensorPrimitives.Log(_logRho, _logRho);
        return sum - TensorPrimitives.Dot<double>(_r, _logRho);
    }
}
