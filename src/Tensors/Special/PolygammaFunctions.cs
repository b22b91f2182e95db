namespace Ppl.Tensors.Special;

public static partial class SpecialFunctions
{
    /// <summary>Digamma's positive root x₀ = 1.46163214496836234126… written as 1.5 + h₀, h₀ split
    /// into a double and its remainder so that x − x₀ is exact near the root.</summary>
    private const double DigammaRootOffsetHigh = -0.03836785503163766;
    private const double DigammaRootOffsetLow = -1.6445603550442201e-18;

    /// <summary>ψ(1.5 + h) = (h − h₀) Q(h): the Taylor series of ψ about 1.5, whose coefficients are
    /// aₖ = (−1)ᵏ⁺¹ ζ(k + 1, 3/2) (A&amp;S 6.4.10), divided by (h − h₀) in 60-digit arithmetic.
    /// Factoring the root out keeps the relative accuracy near x₀. For |h| ≤ ½ the terms fall like 3⁻ᵏ.</summary>
    private static ReadOnlySpan<double> DigammaQuotientSeries =>
    [
        9.51055876031832879711e-1,
        -4.23627421281460496229e-1,
        2.40542484240786913998e-1,
        -1.48404923053917320824e-1,
        9.49887244529146522241e-2,
        -6.19221332717134926804e-2,
        4.07608339383295384157e-2,
        -2.69757968400773459018e-2,
        1.79072484375067348459e-2,
        -1.19082153336090040124e-2,
        7.92701861530335847646e-3,
        -5.28001418579506899518e-3,
        3.51815785060597402249e-3,
        -2.34470193266147925543e-3,
        1.56284109371040973635e-3,
        -1.04177696868997128086e-3,
        6.94471231406052644165e-4,
        -4.62962147307586345795e-4,
        3.08633969317397954354e-4,
        -2.05752996713109525162e-4,
        1.37167471928204894541e-4,
        -9.14445044334282759572e-5,
        6.09628122623701883575e-5,
        -4.06417985778493735851e-5,
        2.70945018836124938193e-5,
        -1.80629890561986612799e-5,
        1.20419878246307624839e-5,
        -8.02798993137659963343e-6,
        5.35199250692589953129e-6,
        -3.56799469236121505344e-6,
        2.37866300334048858880e-6,
        -1.58577528560079675356e-6,
        1.05718350375022420097e-6,
        -7.04788994506742279691e-7,
        4.69859326473812624174e-7,
        -3.13239549703606185011e-7,
        2.08826365957497705251e-7,
        -1.39217577100369562254e-7,
        9.28117179850615714743e-8,
        -6.18744786239671529145e-8
    ];

    /// <summary>ψ(x) = d/dx log Γ(x), the digamma function: NaN at the poles (0, −1, −2, …).</summary>
    /// <remarks>
    /// x ∈ [1, 2]: the Taylor series about 3/2 with its root x₀ ≈ 1.4616 factored out, so the
    /// relative accuracy holds near the root; x ∈ (2, 10): ψ(x) = ψ(x − n) + Σ 1/(x − k);
    /// x ≥ 10: the asymptotic series (A&amp;S 6.3.18); 0 &lt; x &lt; 1: ψ(x) = ψ(x + 1) − 1/x;
    /// x &lt; 0: the reflection ψ(x) = ψ(1 − x) − π cot(πx).
    /// </remarks>
    public static double Digamma(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x))
        {
            return double.NaN;
        }
        if (x <= 0)
        {
            if (x == Math.Floor(x))
            {
                return double.NaN;
            }
            return Digamma(1 - x) - Math.PI * CosPi(x) / SinPi(x);
        }
        if (x < 1)
        {
            return DigammaOneToTwo(x + 1) - 1 / x;
        }
        if (x <= 2)
        {
            return DigammaOneToTwo(x);
        }
        if (x < 10)
        {
            var sum = 0.0;
            while (x > 2)
            {
                x -= 1;
                sum += 1 / x;
            }
            return DigammaOneToTwo(x) + sum;
        }
        if (double.IsPositiveInfinity(x))
        {
            return x;
        }
        var r = 1 / x;
        var r2 = r * r;
        return Math.Log(x) - 0.5 * r - r2 * (1.0 / 12 - r2 * (1.0 / 120 - r2 * (1.0 / 252 - r2 * (1.0 / 240
            - r2 * (1.0 / 132 - r2 * (691.0 / 32760 - r2 * (1.0 / 12)))))));
    }

    /// <summary>ψ(x) for x ∈ [1, 2]: ψ(1.5 + h) = (h − h₀) Q(h).</summary>
    private static double DigammaOneToTwo(double x)
    {
        var h = x - 1.5;
        var series = DigammaQuotientSeries;
        var q = 0.0;
        for (var k = series.Length - 1; k >= 0; k--)
        {
            q = q * h + series[k];
        }
        return (h - DigammaRootOffsetHigh - DigammaRootOffsetLow) * q;
    }

    /// <summary>ψ′(x), the trigamma function: NaN at the poles (0, −1, −2, …).</summary>
    /// <remarks>
    /// x &gt; 0: the recurrence ψ′(x) = ψ′(x + 1) + 1/x² (all terms positive, so no cancellation) up
    /// to x ≥ 12, then the asymptotic series 1/x + 1/(2x²) + Σ B₂ₖ / x²ᵏ⁺¹ (A&amp;S 6.4.12);
    /// x &lt; 0: the reflection ψ′(x) = π² / sin²(πx) − ψ′(1 − x).
    /// </remarks>
    public static double Trigamma(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x))
        {
            return double.NaN;
        }
        if (x <= 0)
        {
            if (x == Math.Floor(x))
            {
                return double.NaN;
            }
            var s = SinPi(x);
            return Math.PI * Math.PI / (s * s) - Trigamma(1 - x);
        }
        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }
        var sum = 0.0;
        while (x < 12)
        {
            sum += 1 / (x * x);
            x += 1;
        }
        var r = 1 / x;
        var r2 = r * r;
        var tail = r + 0.5 * r2 + r * r2 * (1.0 / 6 + r2 * (-1.0 / 30 + r2 * (1.0 / 42 + r2 * (-1.0 / 30
            + r2 * (5.0 / 66 + r2 * (-691.0 / 2730 + r2 * (7.0 / 6 + r2 * (-3617.0 / 510))))))));
        return sum + tail;
    }
}
