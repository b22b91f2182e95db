using Ppl.Tensors.Special;

namespace Ppl.Tensors.Ops;

/// <summary>y = log Γ(x); dy/dx = ψ(x). Evaluated in double precision for either element type.</summary>
internal sealed class LogGammaFunction : UnaryFunction
{
    internal static readonly LogGammaFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = T.CreateChecked(SpecialFunctions.LogGamma(double.CreateChecked(x[i])));
        }
    }

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            dx[i] += g[i] * T.CreateChecked(SpecialFunctions.Digamma(double.CreateChecked(x[i])));
        }
    }
}

/// <summary>y = ψ(x); dy/dx = ψ′(x) (trigamma).</summary>
internal sealed class DigammaFunction : UnaryFunction
{
    internal static readonly DigammaFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = T.CreateChecked(SpecialFunctions.Digamma(double.CreateChecked(x[i])));
        }
    }

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            dx[i] += g[i] * T.CreateChecked(SpecialFunctions.Trigamma(double.CreateChecked(x[i])));
        }
    }
}

/// <summary>
/// y = log Φ(x); dy/dx = φ(x)/Φ(x) = exp(log φ(x) − log Φ(x)), which stays finite far in the lower
/// tail (it tends to −x there) where φ and Φ both underflow.
/// </summary>
internal sealed class LogNormalCdfFunction : UnaryFunction
{
    internal static readonly LogNormalCdfFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = T.CreateChecked(SpecialFunctions.LogNormalCdf(double.CreateChecked(x[i])));
        }
    }

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var xi = double.CreateChecked(x[i]);
            var ratio = Math.Exp(SpecialFunctions.LogNormalPdf(xi) - SpecialFunctions.LogNormalCdf(xi));
            dx[i] += g[i] * T.CreateChecked(ratio);
        }
    }
}
