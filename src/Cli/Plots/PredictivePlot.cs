using Ppl.Inference.Results;

namespace Ppl.Cli.Plots;

/// <summary>
/// The posterior predictive of a 1-D regression as SVG: the predictive mean against x, the 5–95%
/// predictive band, and, where the backend splits the uncertainty, a darker inner band for the
/// epistemic part alone (mean ± 1.645 epistemic sd, the central 90% of a Normal).
/// </summary>
internal static class PredictivePlot
{
    /// <summary>z such that Φ(z) = 0.95.</summary>
    private const double Z95 = 1.6448536269514722;

    /// <summary>The SVG text for a rank-1 prediction.</summary>
    /// <param name="prediction">The predicted node's posterior predictive.</param>
    /// <param name="xs">The inputs, one per element (the element index when null).</param>
    /// <param name="xName">The inputs' name, for the axis label.</param>
    /// <returns>The document.</returns>
    public static string Render(Posterior prediction, IReadOnlyList<double>? xs, string xName)
    {
        var n = prediction.Mean.Values.Count;
        var x = xs ?? [.. Enumerable.Range(0, n).Select(i => (double)i)];
        var order = Enumerable.Range(0, n).OrderBy(i => x[i]).ToArray();
        double[] Pick(IReadOnlyList<double> values) => [.. order.Select(i => values[i])];
        var sortedX = Pick(x);
        var mean = Pick(prediction.Mean.Values);
        var lower = Pick(prediction.Q05.Values);
        var upper = Pick(prediction.Q95.Values);
        var all = lower.Concat(upper).Concat(mean).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var lo = all.Min();
        var hi = all.Max();
        var pad = hi > lo ? 0.05 * (hi - lo) : 1;
        var document = new SvgDocument(640, 400);
        var panel = new SvgPanel(document, 80, 40, 530, 300, sortedX.DefaultIfEmpty(0).Min(), sortedX.DefaultIfEmpty(1).Max(), lo - pad, hi + pad);
        var split = prediction.EpistemicSd is not null ? " (inner band: epistemic)" : "";
        panel.Axes($"{prediction.Name}: predictive mean, 5–95% band{split}", xName);
        panel.Band(sortedX, lower, upper, "#4a90d9", 0.25);
        if (prediction.EpistemicSd is { } epistemic)
        {
            var sd = Pick(epistemic.Values);
            panel.Band(sortedX, [.. mean.Select((m, i) => m - Z95 * sd[i])], [.. mean.Select((m, i) => m + Z95 * sd[i])], "#1f4e8c", 0.35);
        }
        panel.Line(sortedX, mean, "#1f4e8c");
        return document.ToString();
    }
}
