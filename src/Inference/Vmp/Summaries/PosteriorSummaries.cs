using Ppl.Inference.Results;
using Ppl.StdLib.Distributions;

namespace Ppl.Inference.Vmp.Summaries;

/// <summary>
/// Posterior summaries from the analytic marginals: family, parameters, mean, sd and the 5 %, 50 % and
/// 95 % quantiles, per element for arrays.
/// </summary>
internal static class PosteriorSummaries
{
    private static NdArray Array(int[] shape, double[] values) => new(shape, values);

    private static Posterior Build(string name, string family, int[] shape, Dictionary<string, NdArray> parameters,
        double[] mean, double[] sd, Func<int, double, double> quantile)
    {
        var n = mean.Length;
        var q05 = new double[n];
        var q50 = new double[n];
        var q95 = new double[n];
        for (var i = 0; i < n; i++)
        {
            q05[i] = quantile(i, 0.05);
            q50[i] = quantile(i, 0.5);
            q95[i] = quantile(i, 0.95);
        }

        return new Posterior(name, family, parameters, Array(shape, mean), Array(shape, sd),
            Array(shape, q05), Array(shape, q50), Array(shape, q95));
    }

    /// <summary>Independent Normals.</summary>
    /// <param name="name">The node.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="mean">Means.</param>
    /// <param name="sd">Standard deviations.</param>
    /// <returns>The summary.</returns>
    public static Posterior Normal(string name, int[] shape, double[] mean, double[] sd) =>
        Build(name, "Normal", shape, new() { ["mean"] = Array(shape, mean), ["sd"] = Array(shape, sd) },
            mean, sd, (i, p) => new Normal(mean[i], sd[i]).Quantile(p));

    /// <summary>Independent Gammas.</summary>
    /// <param name="name">The node.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="a">Shapes.</param>
    /// <param name="b">Rates.</param>
    /// <returns>The summary.</returns>
    public static Posterior Gamma(string name, int[] shape, double[] a, double[] b) =>
        Build(name, "Gamma", shape, new() { ["shape"] = Array(shape, [.. a]), ["rate"] = Array(shape, [.. b]) },
            [.. a.Select((x, i) => x / b[i])], [.. a.Select((x, i) => Math.Sqrt(x) / b[i])],
            (i, p) => new Gamma(a[i], b[i]).Quantile(p));

    /// <summary>Independent Betas.</summary>
    /// <param name="name">The node.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="a">a per element.</param>
    /// <param name="b">b per element.</param>
    /// <returns>The summary.</returns>
    public static Posterior Beta(string name, int[] shape, double[] a, double[] b) =>
        Build(name, "Beta", shape, new() { ["a"] = Array(shape, [.. a]), ["b"] = Array(shape, [.. b]) },
            [.. a.Select((x, i) => x / (x + b[i]))],
            [.. a.Select((x, i) => Math.Sqrt(x * b[i] / ((x + b[i]) * (x + b[i]) * (x + b[i] + 1))))],
            (i, p) => new Beta(a[i], b[i]).Quantile(p));

    /// <summary>A Dirichlet; each component's marginal is Beta(α_k, α₀ − α_k).</summary>
    /// <param name="name">The node.</param>
    /// <param name="alpha">Concentrations.</param>
    /// <returns>The summary.</returns>
    public static Posterior Dirichlet(string name, double[] alpha)
    {
        var total = alpha.Sum();
        int[] shape = [alpha.Length];
        return Build(name, "Dirichlet", shape, new() { ["alpha"] = Array(shape, [.. alpha]) },
            [.. alpha.Select(a => a / total)],
            [.. alpha.Select(a => Math.Sqrt(a * (total - a) / (total * total * (total + 1))))],
            (i, p) => new Beta(alpha[i], total - alpha[i]).Quantile(p));
    }

    /// <summary>A multivariate Normal with its full covariance; quantiles of the Normal marginals.</summary>
    /// <param name="name">The node.</param>
    /// <param name="mean">Mean.</param>
    /// <param name="covariance">Covariance, row-major.</param>
    /// <returns>The summary.</returns>
    public static Posterior MvNormal(string name, double[] mean, double[] covariance)
    {
        var d = mean.Length;
        int[] shape = [d];
        var sd = new double[d];
        for (var i = 0; i < d; i++)
        {
            sd[i] = Math.Sqrt(covariance[i * d + i]);
        }

        var cov = Array([d, d], [.. covariance]);
        return Build(name, "MvNormal", shape, new() { ["mean"] = Array(shape, [.. mean]), ["cov"] = cov },
            [.. mean], sd, (i, p) => new Normal(mean[i], sd[i]).Quantile(p)) with { Covariance = cov };
    }

    /// <summary>Independent Student-t predictives (a Gamma precision integrated out).</summary>
    /// <param name="name">The node.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="nu">Degrees of freedom.</param>
    /// <param name="loc">Locations.</param>
    /// <param name="scale">Scales.</param>
    /// <returns>The summary.</returns>
    public static Posterior StudentT(string name, int[] shape, double[] nu, double[] loc, double[] scale) =>
        Build(name, "StudentT", shape,
            new() { ["nu"] = Array(shape, [.. nu]), ["loc"] = Array(shape, [.. loc]), ["scale"] = Array(shape, [.. scale]) },
            [.. loc], [.. scale.Select((s, i) => nu[i] > 2 ? s * Math.Sqrt(nu[i] / (nu[i] - 2)) : double.PositiveInfinity)],
            (i, p) => new StudentT(nu[i], loc[i], scale[i]).Quantile(p));
}
