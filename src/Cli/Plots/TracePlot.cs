namespace Ppl.Cli.Plots;

/// <summary>The objective trace (ELBO or log-likelihood per iteration) as an SVG line chart.</summary>
internal static class TracePlot
{
    /// <summary>The SVG text for <paramref name="trace"/>.</summary>
    /// <param name="trace">Objective per iteration.</param>
    /// <param name="title">Chart title, e.g. <c>ELBO (vmp)</c>.</param>
    /// <returns>The document.</returns>
    public static string Render(IReadOnlyList<double> trace, string title)
    {
        var document = new SvgDocument(640, 400);
        var xs = Enumerable.Range(1, trace.Count).Select(i => (double)i).ToArray();
        var finite = trace.Where(double.IsFinite).ToList();
        var lo = finite.DefaultIfEmpty(0).Min();
        var hi = finite.DefaultIfEmpty(1).Max();
        var pad = hi > lo ? 0.05 * (hi - lo) : 1;
        var panel = new SvgPanel(document, 80, 40, 530, 300, 1, Math.Max(2, trace.Count), lo - pad, hi + pad);
        panel.Axes(title, "iteration");
        panel.Line(xs, [.. trace], "#1f4e8c");
        return document.ToString();
    }
}
