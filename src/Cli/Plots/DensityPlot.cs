using Ppl.Inference.Results;
using Ppl.Inference.Sampling;

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
            var (distribution, approximate) = PosteriorMarginals.Of(posterior, i);
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
