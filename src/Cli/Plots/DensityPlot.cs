using Ppl.Inference.Results;
using Ppl.StdLib.Distributions;

namespace Ppl.Cli.Plots;

/// <summary>
/// The marginal posterior density of a latent as SVG: one panel per element (the first
/// <see cref="MaxPanels"/> of an array), the density curve from the posterior's family and
/// parameters (StdLib's <c>LogDensity</c>), and the 5–95% band shaded between the family's quantiles.
/// A family the StdLib cannot build per element (e.g. <c>MvNormal</c> blocks) is drawn as the Normal
/// with the posterior's mean and sd, and the panel title says so.
/// </summary>
internal static class DensityPlot
{
    /// <summary>Largest number of panels drawn for an array latent.</summary>
    public const int MaxPanels = 12;

    private const int Points = 200;
    private const double PanelWidth = 300;
    private const double PanelHeight = 180;

    /// <summary>The SVG text for <paramref name="posterior"/>.</summary>
    /// <param name="posterior">The marginal posterior.</param>
    /// <returns>The document.</returns>
    public static string Render(Posterior posterior)
    {
        var count = Math.Min(MaxPanels, posterior.Mean.Values.Count);
        var columns = Math.Min(3, count);
        var rows = (count + columns - 1) / columns;
        var cellWidth = PanelWidth + 90;
        var cellHeight = PanelHeight + 80;
        var document = new SvgDocument(columns * cellWidth, rows * cellHeight);
        for (var i = 0; i < count; i++)
        {
            var (distribution, approximate) = Marginal(posterior, i);
            var lo = distribution.Quantile(0.001);
            var hi = distribution.Quantile(0.999);
            var q05 = distribution.Quantile(0.05);
            var q95 = distribution.Quantile(0.95);
            var xs = new double[Points];
            var ys = new double[Points];
            for (var k = 0; k < Points; k++)
            {
                xs[k] = lo + (hi - lo) * k / (Points - 1);
                ys[k] = Math.Exp(distribution.LogDensity(xs[k]));
            }
            var top = ys.Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.05;
            var panel = new SvgPanel(document, (i % columns) * cellWidth + 60, (i / columns) * cellHeight + 30, PanelWidth, PanelHeight, lo, hi, 0, top > 0 ? top : 1);
            var name = posterior.Mean.Rank == 0 ? posterior.Name : $"{posterior.Name}{Index(posterior.Mean.Shape, i)}";
            panel.Axes(approximate ? $"{name} (Normal approx. of {posterior.Family})" : $"{name} ~ {posterior.Family}", "5–95% band shaded");
            var inBand = xs.Select(x => x >= q05 && x <= q95).ToArray();
            panel.Band(
                [.. xs.Where((_, k) => inBand[k])],
                [.. xs.Where((_, k) => inBand[k]).Select(_ => 0.0)],
                [.. ys.Where((_, k) => inBand[k])],
                "#4a90d9", 0.3);
            panel.Line(xs, ys, "#1f4e8c");
        }
        return document.ToString();
    }

    /// <summary>The distribution of element <paramref name="index"/>, built from the posterior's family,
    /// or the Normal with its mean and sd when the family cannot be built per element.</summary>
    /// <param name="posterior">The posterior.</param>
    /// <param name="index">Flat (row-major) element index.</param>
    /// <returns>The distribution and whether it is the Normal stand-in.</returns>
    internal static (IContinuousDistribution Distribution, bool Approximate) Marginal(Posterior posterior, int index)
    {
        var n = posterior.Mean.Values.Count;
        var named = new Dictionary<string, object>();
        var perElement = true;
        foreach (var (key, value) in posterior.Parameters)
        {
            if (value.Values.Count == n)
            {
                named[key] = value.Values[index];
            }
            else if (value.Values.Count == 1)
            {
                named[key] = value.Values[0];
            }
            else
            {
                perElement = false;
            }
        }
        if (perElement && named.Count > 0)
        {
            try
            {
                if (DistributionFactory.Create(posterior.Family, [], named) is IContinuousDistribution built)
                {
                    return (built, false);
                }
            }
#pragma warning disable CA1031 // Any family or parameter the factory rejects falls back to the Normal stand-in.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
        var mean = posterior.Mean.Values[index];
        var sd = posterior.Sd.Values[index];
        var normal = (IContinuousDistribution)DistributionFactory.Create("Normal", [mean, sd > 0 && double.IsFinite(sd) ? sd : 1e-9]);
        return (normal, true);
    }

    private static string Index(IReadOnlyList<int> shape, int flat)
    {
        var parts = new int[shape.Count];
        for (var axis = shape.Count - 1; axis >= 0; axis--)
        {
            parts[axis] = flat % shape[axis];
            flat /= shape[axis];
        }
        return "[" + string.Join(", ", parts) + "]";
    }
}
