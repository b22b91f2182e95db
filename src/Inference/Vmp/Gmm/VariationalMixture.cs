using System.Numerics.Tensors;
using Ppl.Inference.Em;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Variables;
using Ppl.StdLib.Distributions;
using Ppl.Tensors.Special;

namespace Ppl.Inference.Vmp.Gmm;

/// <summary>
/// The variational Gaussian mixture (Bishop 2006, §10.2) as one block of the engine: π ~ Dirichlet(α₀),
/// μ_k ~ N(m₀, P₀⁻¹), Λ_k ~ Wishart(ν₀, W₀), z_n ~ Categorical(π), x_n ~ N(μ_{z_n}, Λ_{z_n}⁻¹), with
/// q(π) q(z) Π_k q(μ_k) q(Λ_k). The priors on μ and Λ are independent (as the model writes them), so
/// q(μ_k) and q(Λ_k) are separate factors rather than Bishop's Normal-Wishart; the updates are his
/// eqs 10.46–10.63 with that change. The pass over the data (<see cref="MixtureSweep"/>) fuses the
/// E-step with the statistics of the next sweep and the data part of the ELBO; the start is
/// farthest-point (<see cref="FarthestPointStart"/>). Components the data do not need end with N_k ≈ 0
/// and E[π_k] ≈ α₀/(Σα₀ + N): they are pruned.
/// </summary>
internal sealed class VariationalMixture
{
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly MixturePriors _priors;
    private readonly double _logDetPrecision0;
    private readonly double[] _scale0Inverse;
    private readonly double _logDetScale0;
    private readonly MixtureSweep _sweep;
    private readonly double[] _alpha;
    private readonly double[] _expectedLogPi;
    private readonly double[][] _mean;
    private readonly double[][] _covariance;
    private readonly double[] _logDetCovariance;
    private readonly Wishart[] _lambda;
    private readonly double[][] _inverseScale;
    private readonly ComponentTerms _terms;
    private readonly double[] _start;
    private int _sweeps;

    /// <summary>A mixture over data x (N×D) with K components, started from K well-spread data points.</summary>
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
        _n = n;
        _d = d;
        _k = k;
        _priors = priors;
        _logDetPrecision0 = (SpdMatrix.TryFactor(priors.Precision0, d) ?? throw new VmpModelException("the prior precision of the component means is not positive definite")).LogDeterminant;
        var scale0 = SpdMatrix.TryFactor(priors.Scale0, d) ?? throw new VmpModelException("the Wishart scale is not positive definite");
        _scale0Inverse = scale0.Inverse();
        _logDetScale0 = scale0.LogDeterminant;
        _sweep = new MixtureSweep(x, n, d, k);
        _alpha = new double[k];
        _expectedLogPi = new double[k];
        _mean = [.. Enumerable.Range(0, k).Select(_ => new double[d])];
        _covariance = [.. Enumerable.Range(0, k).Select(_ => new double[d * d])];
        _logDetCovariance = new double[k];
        _lambda = new Wishart[k];
        _inverseScale = [.. Enumerable.Range(0, k).Select(_ => new double[d * d])];
        _terms = new ComponentTerms(new double[k * d * d], new double[k * d], new double[k], new double[k * d]);

        // Hard assignment to the nearest centre; q(μ_k) starts as a point mass at the centre (Σ_k = 0).
        _start = FarthestPointStart.Centres(_sweep, n, d, k, new Tensors.Random.RandomSource(seed));
        for (var c = 0; c < k; c++)
        {
            _start.AsSpan(c * d, d).CopyTo(_mean[c]);
        }

        _sweep.Assign(_start, null);
    }

    /// <summary>The nodes the block stands for.</summary>
    public MixtureNames Names { get; }

    /// <summary>The expected number of points per component, N_k (Bishop 2006, eq. 10.51).</summary>
    public IReadOnlyList<double> Counts => _sweep.Counts;

    /// <summary>N.</summary>
    internal int Points => _n;

    /// <summary>D.</summary>
    internal int Dimension => _d;

    /// <summary>K.</summary>
    internal int Components => _k;

    /// <summary>The Dirichlet parameters α_k of q(π).</summary>
    internal IReadOnlyList<double> Alpha => _alpha;

    /// <summary>The means m_k of q(μ_k).</summary>
    internal IReadOnlyList<double[]> Means => _mean;

    /// <summary>The covariances Σ_k of q(μ_k).</summary>
    internal IReadOnlyList<double[]> Covariances => _covariance;

    /// <summary>q(Λ_k).</summary>
    internal IReadOnlyList<Wishart> Precisions => _lambda;

    /// <summary>One sweep: q(π), q(Λ_k), q(μ_k) from the statistics of r, then q(z) and its statistics.</summary>
    public void Update()
    {
        UpdateWeights();
        for (var c = 0; c < _k; c++)
        {
            UpdatePrecision(c);
            UpdateMean(c);
        }

        UpdateTerms();
        _sweep.Update(_terms, null);
        _sweeps++;
    }

    private void UpdateWeights()
    {
        // Bishop 2006, eq. 10.58: α_k = α₀ + N_k; E[log π_k] = ψ(α_k) − ψ(Σα) (eq. 10.66).
        for (var c = 0; c < _k; c++)
        {
            _alpha[c] = _priors.Alpha0[c] + _sweep.Counts[c];
        }

        var total = SpecialFunctions.Digamma(_alpha.Sum());
        for (var c = 0; c < _k; c++)
        {
            _expectedLogPi[c] = SpecialFunctions.Digamma(_alpha[c]) - total;
        }
    }

    private void UpdatePrecision(int c)
    {
        // ν_k = ν₀ + N_k; W_k⁻¹ = W₀⁻¹ + E[Σ_n r_nk (x_n − μ_k)(x_n − μ_k)ᵀ] (Bishop 2006, eqs 10.62–10.63 without
        // the μ coupling), where E[…] = S_k + N_k Σ_k with S_k centred on m_k, the mean of q(μ_k) in the last pass.
        var d = _d;
        var nk = _sweep.Counts[c];
        var inverseScale = _inverseScale[c];
        _sweep.Scatter.AsSpan(c * d * d, d * d).CopyTo(inverseScale);
        for (var i = 0; i < inverseScale.Length; i++)
        {
            inverseScale[i] += nk * _covariance[c][i] + _scale0Inverse[i];
        }

        _lambda[c] = Wishart.FromInverseScale(_priors.Dof0 + nk, inverseScale);
    }

    private void UpdateMean(int c)
    {
        // P_k = P₀ + N_k E[Λ_k]; m_k = P_k⁻¹ (P₀ m₀ + E[Λ_k] s_k) (Bishop 2006, eq. 10.60 in VMP form).
        var d = _d;
        var expectedLambda = _lambda[c].Mean;
        var nk = _sweep.Counts[c];
        var precision = new double[d * d];
        var h = new double[d];
        var s = _sweep.Sums.AsSpan(c * d, d);
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                precision[i * d + j] = _priors.Precision0[i * d + j] + nk * expectedLambda[i * d + j];
                h[i] += _priors.Precision0[i * d + j] * _priors.Mean0[j] + expectedLambda[i * d + j] * s[j];
            }
        }

        var factor = SpdMatrix.TryFactor(precision, d) ?? throw new VmpModelException("a component's posterior precision is not positive definite");
        factor.Solve(h);
        h.CopyTo(_mean[c], 0);
        _covariance[c] = factor.Inverse();
        _logDetCovariance[c] = -factor.LogDeterminant;
    }

    /// <summary>
    /// log ρ_nk = E[log π_k] + ½E[log|Λ_k|] − (D/2) log 2π − ½[(x_n − m_k)ᵀE[Λ_k](x_n − m_k) + tr(E[Λ_k]Σ_k)]
    /// (Bishop 2006, eqs 10.46, 10.64–10.66). With E[Λ_k]⁻¹ = W_k⁻¹/ν_k = LLᵀ, the quadratic form is
    /// ‖L⁻¹x_n − L⁻¹m_k‖², the EM kernel's whitened distance with L⁻¹ lower triangular.
    /// </summary>
    private void UpdateTerms()
    {
        var d = _d;
        var lower = new double[d * d];
        for (var c = 0; c < _k; c++)
        {
            TensorPrimitives.Divide(_inverseScale[c], _lambda[c].DegreesOfFreedom, lower);
            if (StdLib.LinearAlgebra.CholeskyDecomposition.FactorInPlace(lower, d) >= 0)
            {
                throw new VmpModelException("a component's expected precision is not positive definite");
            }

            var inverse = _terms.LowerInverse.AsSpan(c * d * d, d * d);
            GaussianFullKernels.InvertLower(lower, inverse, d);
            for (var i = 0; i < d; i++)
            {
                _terms.Shift[c * d + i] = TensorPrimitives.Dot<double>(inverse.Slice(i * d, d), _mean[c]);
            }

            _mean[c].CopyTo(_terms.Means, c * d);
            _terms.Offset[c] = _expectedLogPi[c] + 0.5 * _lambda[c].ExpectedLogDeterminant - 0.5 * d * Math.Log(2 * Math.PI)
                - 0.5 * SpdMatrix.TraceOfProduct(_lambda[c].Mean, _covariance[c], d);
        }
    }

    /// <summary>q(z) as N×K row-major probabilities: the labels of the start before the first sweep.</summary>
    internal double[] Responsibilities()
    {
        // q(z) is not kept between sweeps; the pass again from the same q(π), q(μ), q(Λ) gives it exactly.
        var p = new double[_n * _k];
        if (_sweeps == 0)
        {
            _sweep.Assign(_start, p);
        }
        else
        {
            _sweep.Update(_terms, p);
        }

        return p;
    }

    /// <summary>
    /// The block's part of the ELBO after a sweep (Bishop 2006, eqs 10.70–10.77): E[log p(π)] + H[q(π)] +
    /// Σ_k (E[log p(μ_k)] + H[q(μ_k)] + E[log p(Λ_k)] + H[q(Λ_k)]), plus E[log p(x | z, μ, Λ)] + E[log p(z | π)] + H[q(z)],
    /// which for q(z) at its optimum is Σ_n log Σ_k ρ_nk (<see cref="MixtureSweep.LogNormaliser"/>).
    /// </summary>
    /// <returns>The ELBO terms of the block.</returns>
    public double Elbo()
    {
        if (_sweeps == 0)
        {
            throw new InvalidOperationException("internal error: the mixture's ELBO is defined after a sweep");
        }

        var d = _d;
        var halfDLogTwoPi = 0.5 * d * Math.Log(2 * Math.PI);
        var sum = SpecialFunctions.LogGamma(_priors.Alpha0.Sum()) - _priors.Alpha0.Sum(SpecialFunctions.LogGamma);
        sum += new Dirichlet(_alpha).Entropy;
        var nu0 = _priors.Dof0;
        var r = new double[d];
        for (var c = 0; c < _k; c++)
        {
            var lambda = _lambda[c];
            var eLogDet = lambda.ExpectedLogDeterminant;
            sum += (_priors.Alpha0[c] - 1) * _expectedLogPi[c];
            TensorPrimitives.Subtract(_mean[c], _priors.Mean0, r);
            sum += 0.5 * _logDetPrecision0 - halfDLogTwoPi
                - 0.5 * (SpdMatrix.TraceOfProduct(_priors.Precision0, _covariance[c], d) + SpdMatrix.Bilinear(_priors.Precision0, r, r));
            sum += -0.5 * nu0 * _logDetScale0 - 0.5 * nu0 * d * Math.Log(2) - SpecialFunctions.MultivariateLogGamma(0.5 * nu0, d)
                + 0.5 * (nu0 - d - 1) * eLogDet - 0.5 * SpdMatrix.TraceOfProduct(_scale0Inverse, lambda.Mean, d);
            sum += 0.5 * d * (1 + Math.Log(2 * Math.PI)) + 0.5 * _logDetCovariance[c];
            sum += lambda.Entropy;
        }

        return sum + _sweep.LogNormaliser;
    }

    /// <summary>The posteriors of the weights, the component means and precisions (and z when asked for).</summary>
    /// <param name="showIndicators">Whether to list q(z) (N×K).</param>
    /// <returns>The summaries.</returns>
    public IEnumerable<Posterior> Summarise(bool showIndicators) => MixtureSummaries.Summarise(this, showIndicators);
}
