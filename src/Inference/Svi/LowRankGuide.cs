using Ppl.Compiler.Ir;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// The low-rank multivariate Normal guide (<c>--guide lowrank</c>; Rezende and Mohamed 2015, §2;
/// NumPyro's AutoLowRankMultivariateNormal): every latent of the automatic guide, flattened into one
/// vector u ∈ ℝᴰ of the unconstrained space, has q(u) = N(loc, Σ), Σ = WWᵀ + diag(d), W ∈ ℝᴰˣᴿ,
/// d = softplus(ρ)². Draws u = loc + W ε₁ + √d ⊙ ε₂ (ε₁ ∈ ℝᴿ, ε₂ ∈ ℝᴰ standard normal) are
/// reparameterised; the entropy is in closed form, H = ½ D (1 + log 2π) + ½ log det Σ, with
/// log det Σ = Σᵢ log dᵢ + log det(I + Wᵀ D⁻¹ W) by the matrix determinant lemma.
/// </summary>
internal sealed class LowRankGuide
{
    private readonly List<(RandomNode Node, LatentTransform Transform, int Offset, int[] Shape)> _sites = [];
    private readonly DType _dtype;

    /// <summary>Creates the guide over <paramref name="sites"/> with rank <paramref name="rank"/>; trainable tensors come from <paramref name="newTrainable"/>.</summary>
    public LowRankGuide(IReadOnlyList<(RandomNode Node, LatentTransform Transform, int[] Shape)> sites, int rank, DType dtype,
        Func<double[], int[], Tensor> newTrainable, RandomSource random)
    {
        _dtype = dtype;
        var offset = 0;
        foreach (var (node, transform, shape) in sites)
        {
            _sites.Add((node, transform, offset, shape));
            offset += shape.Aggregate(1, (a, b) => a * b);
        }
        Dimension = offset;
        Rank = Math.Clamp(rank, 1, Math.Max(1, Dimension));
        Loc = newTrainable(new double[Dimension], [Dimension]);
        // W₀ small and random (a zero W is a saddle of the entropy), sd₀ = 0.1 as the mean-field guide.
        var w = new double[Dimension * Rank];
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = 0.01 * random.NextNormal();
        }
        Factor = newTrainable(w, [Dimension, Rank]);
        Rho = newTrainable([.. Enumerable.Repeat(Math.Log(Math.Exp(0.1) - 1), Dimension)], [Dimension]);
    }

    /// <summary>D, the total number of latent elements covered.</summary>
    public int Dimension { get; }

    /// <summary>R, the rank of W.</summary>
    public int Rank { get; }

    /// <summary>The mean of u.</summary>
    public Tensor Loc { get; }

    /// <summary>W, the covariance factor.</summary>
    public Tensor Factor { get; }

    /// <summary>ρ, with √dᵢ = softplus(ρᵢ).</summary>
    public Tensor Rho { get; }

    /// <summary>The latents covered, with their transform, offset in u and shape.</summary>
    public IReadOnlyList<(RandomNode Node, LatentTransform Transform, int Offset, int[] Shape)> Sites => _sites;

    /// <summary>
    /// One draw: each latent's unconstrained value (a slice of u, reshaped) and the term
    /// H(q) + Σ log|T′(u)| that, with Σ log p(x, T(u)), makes the ELBO. With
    /// <paramref name="logDensityAtDraw"/> the term is −log q(u) + Σ log|T′(u)| instead, so that with
    /// Σ log p(x, T(u)) it is the importance weight log p(x, z) − log q(z) of the IWAE bound; that
    /// −log q(u) is a constant of the graph (evaluation only, no gradient).
    /// </summary>
    public (Dictionary<string, Tensor> Unconstrained, Tensor Term) Draw(RandomSource random, bool logDensityAtDraw = false)
    {
        var sd = Tensor.Softplus(Rho);
        var e1 = Noise([Rank, 1], random);
        var e2 = Noise([Dimension], random);
        var u = Loc + Tensor.MatMul(Factor, e1).Reshape([Dimension]) + sd * e2;
        var values = new Dictionary<string, Tensor>();
        var term = logDensityAtDraw ? Tensor.Scalar(-LogDensity(u.ToArray()), _dtype) : Entropy(sd);
        foreach (var (node, transform, offset, shape) in _sites)
        {
            var count = shape.Aggregate(1, (a, b) => a * b);
            var part = u.Slice(0, offset, offset + count).Reshape(shape);
            values[node.Name] = part;
            if (LatentTransforms.LogJacobian(transform, part) is { } logJ)
            {
                term += logJ.Sum();
            }
        }
        return (values, term);
    }

    /// <summary>
    /// log q(u) = −½ [D log 2π + log det Σ + rᵀ Σ⁻¹ r], r = u − loc, Σ = WWᵀ + diag(d), in doubles
    /// without forming Σ: log det Σ = Σ log dᵢ + log det C by the matrix determinant lemma, and
    /// rᵀ Σ⁻¹ r = rᵀ D⁻¹ r − vᵀ C⁻¹ v with v = Wᵀ D⁻¹ r by the Woodbury identity (Petersen and
    /// Pedersen 2012, eqs. 24 and 156), C = I + Wᵀ D⁻¹ W (R×R). O(D R²) rather than O(D³).
    /// </summary>
    public double LogDensity(ReadOnlySpan<double> u)
    {
        if (u.Length != Dimension)
        {
            throw new ArgumentException($"a draw of the low-rank guide has {Dimension} elements, not {u.Length}", nameof(u));
        }
        var w = Factor.ToArray();
        var loc = Loc.ToArray();
        var d = Rho.ToArray().Select(r => PosteriorSummaries.Softplus(r) * PosteriorSummaries.Softplus(r)).ToArray();
        var c = new double[Rank * Rank];
        var v = new double[Rank];
        var quadratic = 0.0;
        var logDetD = 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            var scaled = (u[i] - loc[i]) / d[i];
            quadratic += scaled * (u[i] - loc[i]);
            logDetD += Math.Log(d[i]);
            for (var a = 0; a < Rank; a++)
            {
                v[a] += w[i * Rank + a] * scaled;
                for (var b = 0; b < Rank; b++)
                {
                    c[a * Rank + b] += w[i * Rank + a] * w[i * Rank + b] / d[i];
                }
            }
        }
        for (var a = 0; a < Rank; a++)
        {
            c[a * Rank + a] += 1;
        }
        var (inverse, logDetC) = InvertSymmetricPositive(c, Rank);
        for (var a = 0; a < Rank; a++)
        {
            for (var b = 0; b < Rank; b++)
            {
                quadratic -= v[a] * inverse[a * Rank + b] * v[b];
            }
        }
        return -0.5 * (Dimension * Math.Log(2 * Math.PI) + logDetD + logDetC + quadratic);
    }

    /// <summary>Σ = WWᵀ + diag(sd²) as doubles, row-major D×D.</summary>
    public double[] Covariance()
    {
        var w = Factor.ToArray();
        var sd = Rho.ToArray().Select(PosteriorSummaries.Softplus).ToArray();
        var cov = new double[Dimension * Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            for (var j = 0; j < Dimension; j++)
            {
                var s = i == j ? sd[i] * sd[i] : 0;
                for (var r = 0; r < Rank; r++)
                {
                    s += w[i * Rank + r] * w[j * Rank + r];
                }
                cov[i * Dimension + j] = s;
            }
        }
        return cov;
    }

    /// <summary>
    /// H = ½ D (1 + log 2π) + Σ log sdᵢ + ½ log det C, C = I + Wᵀ D⁻¹ W (R×R). log det C enters
    /// through a surrogate with its exact value and gradient, computed in doubles: ∂/∂W = 2 D⁻¹ W C⁻¹
    /// and ∂/∂dᵢ = −(W C⁻¹ Wᵀ)ᵢᵢ / dᵢ² (Petersen and Pedersen 2012, eq. 57: ∂ log det C = tr(C⁻¹ ∂C)).
    /// </summary>
    private Tensor Entropy(Tensor sd)
    {
        var d = Tensor.Square(sd);
        var w = Factor.ToArray();
        var dv = d.ToArray();
        var c = new double[Rank * Rank];
        for (var a = 0; a < Rank; a++)
        {
            for (var b = 0; b < Rank; b++)
            {
                var s = a == b ? 1.0 : 0.0;
                for (var i = 0; i < Dimension; i++)
                {
                    s += w[i * Rank + a] * w[i * Rank + b] / dv[i];
                }
                c[a * Rank + b] = s;
            }
        }
        var (inverse, logDet) = InvertSymmetricPositive(c, Rank);
        var gw = new double[Dimension * Rank];
        var gd = new double[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            var quad = 0.0;
            for (var a = 0; a < Rank; a++)
            {
                var wc = 0.0;
                for (var b = 0; b < Rank; b++)
                {
                    wc += w[i * Rank + b] * inverse[b * Rank + a];
                }
                gw[i * Rank + a] = 2 * wc / dv[i];
                quad += wc * w[i * Rank + a];
            }
            gd[i] = -quad / (dv[i] * dv[i]);
        }
        var surrogate = (Tensor.FromDoubles(gw, _dtype, [Dimension, Rank]) * Factor).Sum() + (Tensor.FromDoubles(gd, _dtype, [Dimension]) * d).Sum();
        var logDetC = surrogate + (logDet - surrogate.Item());
        return Tensor.Log(sd).Sum() + 0.5 * logDetC + 0.5 * Dimension * (1 + Math.Log(2 * Math.PI));
    }

    /// <summary>C⁻¹ and log det C of a small symmetric positive-definite matrix, by Cholesky (Golub and Van Loan 2013, alg. 4.2.1).</summary>
    internal static (double[] Inverse, double LogDet) InvertSymmetricPositive(double[] c, int n)
    {
        var l = new double[n * n];
        var logDet = 0.0;
        for (var j = 0; j < n; j++)
        {
            var s = c[j * n + j];
            for (var k = 0; k < j; k++)
            {
                s -= l[j * n + k] * l[j * n + k];
            }
            l[j * n + j] = Math.Sqrt(s);
            logDet += 2 * Math.Log(l[j * n + j]);
            for (var i = j + 1; i < n; i++)
            {
                var t = c[i * n + j];
                for (var k = 0; k < j; k++)
                {
                    t -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = t / l[j * n + j];
            }
        }
        var inverse = new double[n * n];
        var column = new double[n];
        for (var e = 0; e < n; e++)
        {
            // Solve L y = eₑ, then Lᵀ x = y.
            for (var i = 0; i < n; i++)
            {
                var t = i == e ? 1.0 : 0.0;
                for (var k = 0; k < i; k++)
                {
                    t -= l[i * n + k] * column[k];
                }
                column[i] = t / l[i * n + i];
            }
            for (var i = n - 1; i >= 0; i--)
            {
                var t = column[i];
                for (var k = i + 1; k < n; k++)
                {
                    t -= l[k * n + i] * inverse[k * n + e];
                }
                inverse[i * n + e] = t / l[i * n + i];
            }
        }
        return (inverse, logDet);
    }

    private Tensor Noise(int[] shape, RandomSource random)
    {
        var eps = Tensor.Zeros(_dtype, shape);
        if (_dtype == DType.Float32)
        {
            random.FillNormal(eps.AsFloatSpan());
        }
        else
        {
            random.FillNormal(eps.AsDoubleSpan());
        }
        return eps;
    }
}
