using Ppl.Inference.Results;
using Ppl.StdLib.Distributions;
using Ppl.StdLib.LinearAlgebra;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Sampling;

/// <summary>
/// Draws of one posterior that keep its joint structure: an <c>MvNormal</c> block is drawn as a
/// vector, x = m + L ε with L the Cholesky factor of its covariance (so the draws' covariance is the
/// posterior's, not its diagonal); a <c>Dirichlet</c> row as one point of the simplex; a
/// <c>Wishart</c> matrix as one positive definite matrix; a <c>Categorical</c> element as a category.
/// Every other family is drawn element by element from its marginal (<see cref="PosteriorMarginals"/>),
/// exact for a factorised posterior.
/// </summary>
internal static class PosteriorDraws
{
    /// <summary>
    /// Jitter added to the diagonal of a covariance that fails its Cholesky factorisation by rounding,
    /// relative to the mean diagonal.
    /// </summary>
    private const double RelativeJitter = 1e-10;

    /// <summary>Draws <paramref name="count"/> values of <paramref name="posterior"/>, each row-major in its mean's shape.</summary>
    /// <param name="posterior">The posterior.</param>
    /// <param name="count">Number of draws.</param>
    /// <param name="random">The random stream.</param>
    /// <returns>One array per draw.</returns>
    public static double[][] Draw(Posterior posterior, int count, RandomSource random)
    {
        var n = posterior.Mean.Values.Count;
        var rows = Rows(posterior);
        var draws = new double[count][];
        if (rows is not null)
        {
            var width = n / rows.Count;
            for (var d = 0; d < count; d++)
            {
                draws[d] = new double[n];
                for (var r = 0; r < rows.Count; r++)
                {
                    rows[r](random, draws[d].AsSpan(r * width, width));
                }
            }
            return draws;
        }

        if (GuideElements(posterior) is { } element)
        {
            for (var d = 0; d < count; d++)
            {
                draws[d] = new double[n];
                for (var i = 0; i < n; i++)
                {
                    draws[d][i] = element(random, i);
                }
            }
            return draws;
        }

        var marginals = Enumerable.Range(0, n).Select(i => PosteriorMarginals.Of(posterior, i).Distribution).ToArray();
        for (var d = 0; d < count; d++)
        {
            draws[d] = new double[n];
            for (var i = 0; i < n; i++)
            {
                draws[d][i] = marginals[i].Sample(random);
            }
        }
        return draws;
    }

    private delegate void RowSampler(RandomSource random, Span<double> destination);

    private delegate double ElementSampler(RandomSource random, int index);

    /// <summary>
    /// The families SVI's guides report that the catalogue cannot build from their parameters:
    /// <c>LogitNormal(loc, scale)</c> (x = σ(loc + scale ε)), <c>Delta(value)</c> (MAP) and
    /// <c>Bernoulli(p)</c> (a discrete latent's guide), drawn element by element; null for the others.
    /// </summary>
    private static ElementSampler? GuideElements(Posterior posterior)
    {
        var n = posterior.Mean.Values.Count;
        IReadOnlyList<double>? Parameter(string name) =>
            posterior.Parameters.TryGetValue(name, out var v) && v.Values.Count == n ? v.Values : null;
        return posterior.Family switch
        {
            "LogitNormal" when Parameter("loc") is { } loc && Parameter("scale") is { } scale =>
                (random, i) => 1 / (1 + Math.Exp(-(loc[i] + scale[i] * random.NextNormal()))),
            "Delta" when Parameter("value") is { } value => (_, i) => value[i],
            "Bernoulli" when Parameter("p") is { } p => (random, i) => random.NextDouble() < p[i] ? 1 : 0,
            _ => null,
        };
    }

    /// <summary>One sampler per joint row of the posterior, or null when it is drawn element by element.</summary>
    private static List<RowSampler>? Rows(Posterior posterior)
    {
        var shape = posterior.Mean.Shape;
        if (shape.Count == 0)
        {
            return null;
        }
        try
        {
            return posterior.Family switch
            {
                "MvNormal" => MvNormalRows(posterior, shape[^1]),
                "Dirichlet" => DirichletRows(posterior, shape[^1]),
                "Wishart" when shape.Count >= 2 && shape[^1] == shape[^2] => WishartRows(posterior, shape[^1]),
                "Categorical" => CategoricalRows(posterior),
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            // Parameters the StdLib refuses (e.g. a degenerate block): fall back to the marginals.
            return null;
        }
    }

    private static List<RowSampler>? MvNormalRows(Posterior posterior, int d)
    {
        var n = posterior.Mean.Values.Count;
        var covariance = posterior.Parameters.TryGetValue("cov", out var cov) ? cov : posterior.Covariance;
        if (covariance is null || d == 0)
        {
            return null;
        }
        var mean = posterior.Parameters.TryGetValue("mean", out var m) && m.Values.Count == n ? m.Values : posterior.Mean.Values;
        var rows = n / d;
        // One covariance shared by every row (PPCA's latents) or one per row (a mixture's means).
        var shared = covariance.Values.Count == d * d;
        if (!shared && covariance.Values.Count != rows * d * d)
        {
            return null;
        }
        var samplers = new List<RowSampler>(rows);
        MvNormal? sharedBlock = null;
        for (var r = 0; r < rows; r++)
        {
            var rowMean = Slice(mean, r * d, d);
            var block = shared && sharedBlock is not null
                ? MvNormal.FromCholesky(rowMean, sharedBlock.CholeskyFactor)
                : Block(rowMean, Slice(covariance.Values, shared ? 0 : r * d * d, d * d), d);
            if (block is null)
            {
                return null;
            }
            sharedBlock ??= block;
            samplers.Add(block.Sample);
        }
        return samplers;
    }

    /// <summary>The MvNormal N(mean, cov), retrying once with a little diagonal jitter; null when cov is not a covariance.</summary>
    private static MvNormal? Block(double[] mean, double[] cov, int d)
    {
        var jitter = 0.0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var withJitter = (double[])cov.Clone();
            for (var i = 0; i < d; i++)
            {
                withJitter[i * d + i] += jitter;
            }
            try
            {
                return new MvNormal(mean, withJitter);
            }
            catch (Exception e) when (e is ArgumentException or NotPositiveDefiniteException)
            {
                var scale = Enumerable.Range(0, d).Average(i => Math.Abs(cov[i * d + i]));
                jitter = RelativeJitter * (scale > 0 ? scale : 1);
            }
        }
        return null;
    }

    private static List<RowSampler>? DirichletRows(Posterior posterior, int d)
    {
        if (!posterior.Parameters.TryGetValue("alpha", out var alpha) || alpha.Values.Count != posterior.Mean.Values.Count)
        {
            return null;
        }
        return [.. Enumerable.Range(0, alpha.Values.Count / d).Select(r =>
        {
            var block = new Dirichlet(Slice(alpha.Values, r * d, d));
            return (RowSampler)((random, destination) => block.Sample(random).CopyTo(destination));
        })];
    }

    private static List<RowSampler>? WishartRows(Posterior posterior, int d)
    {
        var rows = posterior.Mean.Values.Count / (d * d);
        if (!posterior.Parameters.TryGetValue("dof", out var dof) || !posterior.Parameters.TryGetValue("scale", out var scale)
            || scale.Values.Count != rows * d * d || (dof.Values.Count != rows && dof.Values.Count != 1))
        {
            return null;
        }
        return [.. Enumerable.Range(0, rows).Select(r =>
        {
            var block = new Wishart(dof.Values[dof.Values.Count == 1 ? 0 : r], Slice(scale.Values, r * d * d, d * d));
            return (RowSampler)((random, destination) => block.Sample(random).CopyTo(destination));
        })];
    }

    /// <summary>Categorical elements with probabilities <c>p</c> of shape [..., K]: one category (0-based) per element.</summary>
    private static List<RowSampler>? CategoricalRows(Posterior posterior)
    {
        var n = posterior.Mean.Values.Count;
        if (!posterior.Parameters.TryGetValue("p", out var p) || p.Values.Count % n != 0 || p.Values.Count == n)
        {
            return null;
        }
        var k = p.Values.Count / n;
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var probabilities = Slice(p.Values, i * k, k);
            return (RowSampler)((random, destination) => destination[0] = Category(probabilities, random.NextDouble()));
        })];
    }

    /// <summary>The first category whose cumulative probability exceeds u (the last on rounding).</summary>
    private static int Category(double[] probabilities, double u)
    {
        var total = probabilities.Sum();
        var cumulative = 0.0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            cumulative += probabilities[c] / total;
            if (u < cumulative)
            {
                return c;
            }
        }
        return probabilities.Length - 1;
    }

    private static double[] Slice(IReadOnlyList<double> values, int start, int length)
    {
        var slice = new double[length];
        for (var i = 0; i < length; i++)
        {
            slice[i] = values[start + i];
        }
        return slice;
    }
}
