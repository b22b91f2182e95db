namespace Ppl.Tensors.Special;

public static partial class SpecialFunctions
{
    /// <summary>log(1 + x), accurate for small |x| (.NET's <c>double.LogP1</c> is log(x + 1)).</summary>
    /// <remarks>
    /// Kahan's trick (Goldberg 1991, Theorem 4): with u = 1 ⊕ x, log(1 + x) = log(u) · x / (u − 1);
    /// the rounding of u cancels between numerator and denominator.
    /// </remarks>
    public static double Log1p(double x)
    {
        if (double.IsNaN(x) || x < -1)
        {
            return double.NaN;
        }
        if (double.IsPositiveInfinity(x))
        {
            return x;
        }
        var u = 1 + x;
        if (u == 1)
        {
            return x;
        }
        return Math.Log(u) * (x / (u - 1));
    }

    /// <summary>eˣ − 1, accurate for small |x| (.NET's <c>double.ExpM1</c> is eˣ − 1 rounded).</summary>
    /// <remarks>Kahan's companion trick: with u = e^x rounded, eˣ − 1 = (u − 1) · x / log(u).</remarks>
    public static double Expm1(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (Math.Abs(x) >= 0.5)
        {
            return Math.Exp(x) - 1;
        }
        var u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }
        var um1 = u - 1;
        return um1 * (x / Math.Log(u));
    }

    /// <summary>log(1 + x) − x, accurate for small |x| (where it is −x²/2 + x³/3 − …).</summary>
    internal static double Log1pMinusX(double x)
    {
        if (Math.Abs(x) > 0.25)
        {
            return Log1p(x) - x;
        }
        // −Σₖ≥₂ (−x)ᵏ/k; |x| ≤ ¼ needs 25 terms for 1e-17.
        var power = x * x;
        var sum = 0.0;
        for (var k = 2; k < 60; k++)
        {
            var term = power / k;
            sum += (k & 1) == 0 ? -term : term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum))
            {
                break;
            }
            power *= x;
        }
        return sum;
    }

    /// <summary>softplus(x) = log(1 + eˣ), without overflow for large x and without underflow
    /// to a wrong value for very negative x.</summary>
    public static double Softplus(double x) => x > 0 ? x + Log1p(Math.Exp(-x)) : Log1p(Math.Exp(x));

    /// <summary>log σ(x) = −softplus(−x).</summary>
    public static double LogSigmoid(double x) => -Softplus(-x);

    /// <summary>The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ), evaluated without overflow.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }
        var e = Math.Exp(x);
        return e / (1 + e);
    }

    /// <summary>The logit log(p / (1 − p)), the inverse of <see cref="Sigmoid"/>.</summary>
    public static double Logit(double p) => Math.Log(p) - Log1p(-p);

    /// <summary>log Σᵢ exp(xᵢ), without overflow: m + log1p(Σᵢ≠ₖ exp(xᵢ − m)) with m = xₖ the largest;
    /// −∞ for an empty span, NaN if any element is NaN.</summary>
    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NegativeInfinity;
        }
        var maxIndex = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                return double.NaN;
            }
            if (values[i] > values[maxIndex])
            {
                maxIndex = i;
            }
        }
        var max = values[maxIndex];
        if (double.IsInfinity(max))
        {
            return max;
        }
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i != maxIndex)
            {
                sum += Math.Exp(values[i] - max);
            }
        }
        return max + Log1p(sum);
    }

    /// <summary>log(eᵃ + eᵇ), without overflow.</summary>
    public static double LogSumExp(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.NaN;
        }
        var max = Math.Max(a, b);
        if (double.IsInfinity(max))
        {
            return max;
        }
        return max + Log1p(Math.Exp(Math.Min(a, b) - max));
    }
}
