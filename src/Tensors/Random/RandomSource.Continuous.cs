namespace Ppl.Tensors.Random;

/// <summary>Scalar draws from continuous families built on the uniform and normal draws.</summary>
public sealed partial class RandomSource
{
    /// <summary>An Exponential(1) draw: −log U with U uniform on (0, 1).</summary>
    public double NextExponential() => -Math.Log(NextOpenDouble());

    /// <summary>
    /// A Gamma(shape, rate 1) draw (Marsaglia &amp; Tsang 2000). For shape &lt; 1 the boost
    /// G(shape) = G(shape + 1) · U^(1/shape) (their section 6) is used. Divide by a rate to rescale.
    /// </summary>
    /// <param name="shape">The shape α &gt; 0.</param>
    public double NextGamma(double shape)
    {
        CheckPositive(shape, nameof(shape));
        if (shape >= 1)
        {
            return MarsagliaTsang(shape);
        }
        return MarsagliaTsang(shape + 1) * Math.Pow(NextOpenDouble(), 1 / shape);
    }

    /// <summary>
    /// log of a Gamma(shape, 1) draw, exact in the far lower tail where the draw itself underflows
    /// (shapes well below 1): log G(α) = log G(α + 1) + log(U) / α.
    /// </summary>
    internal double NextLogGamma(double shape)
    {
        CheckPositive(shape, nameof(shape));
        if (shape >= 1)
        {
            return Math.Log(MarsagliaTsang(shape));
        }
        return Math.Log(MarsagliaTsang(shape + 1)) + Math.Log(NextOpenDouble()) / shape;
    }

    /// <summary>A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), formed in log space.</summary>
    /// <param name="a">The first shape, &gt; 0.</param>
    /// <param name="b">The second shape, &gt; 0.</param>
    public double NextBeta(double a, double b)
    {
        CheckPositive(a, nameof(a));
        CheckPositive(b, nameof(b));
        if (a >= 1 && b >= 1)
        {
            var x = MarsagliaTsang(a);
            return x / (x + MarsagliaTsang(b));
        }
        // X/(X+Y) = σ(log X − log Y): stays finite when both gamma draws underflow.
        var difference = NextLogGamma(a) - NextLogGamma(b);
        return 1 / (1 + Math.Exp(-difference));
    }

    /// <summary>
    /// A Dirichlet(α) draw: independent Gamma(αᵢ) draws, normalised (log-sum-exp, so that tiny
    /// concentrations do not underflow to 0/0).
    /// </summary>
    /// <param name="alpha">The concentrations, each &gt; 0.</param>
    /// <param name="result">Receives the draw; as long as <paramref name="alpha"/>.</param>
    public void NextDirichlet(ReadOnlySpan<double> alpha, Span<double> result)
    {
        if (result.Length != alpha.Length)
        {
            throw new ArgumentException("result must be as long as alpha", nameof(result));
        }
        if (alpha.IsEmpty)
        {
            throw new ArgumentException("alpha must not be empty", nameof(alpha));
        }
        var max = double.NegativeInfinity;
        for (var i = 0; i < alpha.Length; i++)
        {
            result[i] = NextLogGamma(alpha[i]);
            max = Math.Max(max, result[i]);
        }
        var sum = 0.0;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Math.Exp(result[i] - max);
            sum += result[i];
        }
        var inverse = 1 / sum;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] *= inverse;
        }
    }

    /// <summary>Marsaglia &amp; Tsang (2000), for shape ≥ 1: d = α − ⅓, c = 1/√(9d), accept d·v³.</summary>
    private double MarsagliaTsang(double shape)
    {
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = NextOpenDouble();
            var xSquared = x * x;
            // Squeeze 1 − 0.0331 x⁴, then the exact test log U < x²/2 + d(1 − v + log v).
            if (u < 1 - 0.0331 * xSquared * xSquared || Math.Log(u) < 0.5 * xSquared + d * (1 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static void CheckPositive(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be positive and finite");
        }
    }

    private static void CheckProbability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a probability in [0, 1]");
        }
    }
}
