using System.Globalization;
using System.Security;
using System.Text;

namespace Ppl.Cli.Plots;

/// <summary>
/// A hand-written SVG panel: a rectangle of the drawing with data ranges on both axes, ticks, and
/// lines, bands and labels in data coordinates. Several panels share one <see cref="SvgDocument"/>.
/// </summary>
/// <param name="Document">The document drawn into.</param>
/// <param name="Left">Panel's left edge in pixels.</param>
/// <param name="Top">Panel's top edge in pixels.</param>
/// <param name="Width">Plot area width in pixels.</param>
/// <param name="Height">Plot area height in pixels.</param>
/// <param name="XMin">Data x at the left edge.</param>
/// <param name="XMax">Data x at the right edge.</param>
/// <param name="YMin">Data y at the bottom edge.</param>
/// <param name="YMax">Data y at the top edge.</param>
internal sealed record SvgPanel(SvgDocument Document, double Left, double Top, double Width, double Height, double XMin, double XMax, double YMin, double YMax)
{
    private double X(double x) => Left + (XMax > XMin ? (x - XMin) / (XMax - XMin) : 0.5) * Width;

    private double Y(double y) => Top + Height - (YMax > YMin ? (y - YMin) / (YMax - YMin) : 0.5) * Height;

    /// <summary>Draws the frame, a title and ticks on both axes.</summary>
    /// <param name="title">Text above the panel.</param>
    /// <param name="xLabel">Text under the x axis.</param>
    public void Axes(string title, string xLabel)
    {
        Document.Raw($"<rect x=\"{F(Left)}\" y=\"{F(Top)}\" width=\"{F(Width)}\" height=\"{F(Height)}\" fill=\"none\" stroke=\"#444\"/>");
        Document.Text(Left + Width / 2, Top - 8, title, "middle", 13);
        Document.Text(Left + Width / 2, Top + Height + 32, xLabel, "middle", 11);
        foreach (var tick in Ticks(XMin, XMax))
        {
            Document.Raw($"<line x1=\"{F(X(tick))}\" y1=\"{F(Top + Height)}\" x2=\"{F(X(tick))}\" y2=\"{F(Top + Height + 4)}\" stroke=\"#444\"/>");
            Document.Text(X(tick), Top + Height + 16, Label(tick), "middle", 10);
        }
        foreach (var tick in Ticks(YMin, YMax))
        {
            Document.Raw($"<line x1=\"{F(Left - 4)}\" y1=\"{F(Y(tick))}\" x2=\"{F(Left)}\" y2=\"{F(Y(tick))}\" stroke=\"#444\"/>");
            Document.Text(Left - 6, Y(tick) + 3, Label(tick), "end", 10);
        }
    }

    /// <summary>A polyline through the finite points.</summary>
    /// <param name="xs">Data x.</param>
    /// <param name="ys">Data y.</param>
    /// <param name="colour">Stroke colour.</param>
    public void Line(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string colour)
    {
        var points = Enumerable.Range(0, xs.Count)
            .Where(i => double.IsFinite(xs[i]) && double.IsFinite(ys[i]))
            .Select(i => $"{F(X(xs[i]))},{F(Y(ys[i]))}");
        Document.Raw($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{string.Join(' ', points)}\"/>");
    }

    /// <summary>A filled band between <paramref name="lower"/> and <paramref name="upper"/>.</summary>
    /// <param name="xs">Data x, increasing.</param>
    /// <param name="lower">Lower edge.</param>
    /// <param name="upper">Upper edge.</param>
    /// <param name="colour">Fill colour.</param>
    /// <param name="opacity">Fill opacity.</param>
    public void Band(IReadOnlyList<double> xs, IReadOnlyList<double> lower, IReadOnlyList<double> upper, string colour, double opacity)
    {
        var indices = Enumerable.Range(0, xs.Count).Where(i => double.IsFinite(xs[i]) && double.IsFinite(lower[i]) && double.IsFinite(upper[i])).ToList();
        if (indices.Count < 2)
        {
            return;
        }
        var points = indices.Select(i => $"{F(X(xs[i]))},{F(Y(upper[i]))}")
            .Concat(Enumerable.Reverse(indices).Select(i => $"{F(X(xs[i]))},{F(Y(lower[i]))}"));
        Document.Raw($"<polygon fill=\"{colour}\" fill-opacity=\"{F(opacity)}\" stroke=\"none\" points=\"{string.Join(' ', points)}\"/>");
    }

    /// <summary>Dots at the finite points.</summary>
    /// <param name="xs">Data x.</param>
    /// <param name="ys">Data y.</param>
    /// <param name="colour">Fill colour.</param>
    public void Dots(IReadOnlyList<double> xs, IReadOnlyList<double> ys, string colour)
    {
        for (var i = 0; i < xs.Count; i++)
        {
            if (double.IsFinite(xs[i]) && double.IsFinite(ys[i]))
            {
                Document.Raw($"<circle cx=\"{F(X(xs[i]))}\" cy=\"{F(Y(ys[i]))}\" r=\"2\" fill=\"{colour}\"/>");
            }
        }
    }

    /// <summary>About five round tick values inside [lo, hi] (Heckbert 1990, "Nice numbers for graph labels").</summary>
    internal static IReadOnlyList<double> Ticks(double lo, double hi)
    {
        if (!(hi > lo) || !double.IsFinite(lo) || !double.IsFinite(hi))
        {
            return double.IsFinite(lo) ? [lo] : [];
        }
        var raw = (hi - lo) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (raw / magnitude) switch { < 1.5 => 1, < 3 => 2, < 7 => 5, _ => 10 } * magnitude;
        var ticks = new List<double>();
        for (var t = Math.Ceiling(lo / step) * step; t <= hi + step * 1e-9; t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    private static string Label(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    internal static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>An SVG document assembled as text; <see cref="ToString"/> gives the file's content.</summary>
/// <param name="width">Width in pixels.</param>
/// <param name="height">Height in pixels.</param>
internal sealed class SvgDocument(double width, double height)
{
    private readonly StringBuilder _body = new();

    /// <summary>Appends one element, already well-formed.</summary>
    /// <param name="element">The element's markup.</param>
    public void Raw(string element) => _body.Append("  ").AppendLine(element);

    /// <summary>Appends escaped text.</summary>
    /// <param name="x">Anchor x.</param>
    /// <param name="y">Baseline y.</param>
    /// <param name="text">The text (escaped here).</param>
    /// <param name="anchor">start, middle or end.</param>
    /// <param name="size">Font size in pixels.</param>
    public void Text(double x, double y, string text, string anchor, double size) =>
        Raw($"<text x=\"{SvgPanel.F(x)}\" y=\"{SvgPanel.F(y)}\" text-anchor=\"{anchor}\" font-family=\"sans-serif\" font-size=\"{SvgPanel.F(size)}\">{SecurityElement.Escape(text)}</text>");

    /// <summary>The whole document.</summary>
    /// <returns>The SVG text.</returns>
    public override string ToString() =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{SvgPanel.F(width)}\" height=\"{SvgPanel.F(height)}\" viewBox=\"0 0 {SvgPanel.F(width)} {SvgPanel.F(height)}\">\n  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n{_body}</svg>\n";
}
