namespace Ppl.Inference.Svi;

/// <summary>
/// The split of a classifier's predictive uncertainty (Kendall and Gal 2017, §3; Depeweg et al.
/// 2018, eq. 4; seed 003): over T posterior (or dropout) samples with class probabilities pₜ, the
/// predictive entropy H[p̄], p̄ = (1/T) Σₜ pₜ, is the total; the expected entropy (1/T) Σₜ H[pₜ] is
/// the aleatoric part; their difference, the mutual information I[y; θ] ≥ 0, is the epistemic part.
/// Entropies in nats.
/// </summary>
/// <param name="PredictiveEntropy">H[p̄] per element.</param>
/// <param name="ExpectedEntropy">E_θ H[p(y | θ)] per element.</param>
/// <param name="MutualInformation">H[p̄] − E_θ H[p(y | θ)] per element.</param>
internal sealed record ClassificationUncertainty(double[] PredictiveEntropy, double[] ExpectedEntropy, double[] MutualInformation)
{
    /// <summary>
    /// The split from draws, each a flat array of <c>elements × classes</c> probabilities (class axis
    /// last); <paramref name="classes"/> = 1 means Bernoulli draws holding P(y = 1) per element.
    /// </summary>
    public static ClassificationUncertainty FromDraws(IReadOnlyList<double[]> draws, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(draws.Count);
        var width = classes == 1 ? 2 : classes;
        var elements = draws[0].Length / classes;
        var total = new double[elements];
        var expected = new double[elements];
        var information = new double[elements];
        var mean = new double[width];
        var p = new double[width];
        for (var e = 0; e < elements; e++)
        {
            Array.Clear(mean);
            foreach (var draw in draws)
            {
                Probabilities(draw, e, classes, p);
                expected[e] += Entropy(p) / draws.Count;
                for (var c = 0; c < width; c++)
                {
                    mean[c] += p[c] / draws.Count;
                }
            }
            total[e] = Entropy(mean);
            // Entropy is concave, so H[p̄] ≥ mean H[pₜ]; clip the rounding of equal draws at zero.
            information[e] = Math.Max(0, total[e] - expected[e]);
        }
        return new ClassificationUncertainty(total, expected, information);
    }

    private static void Probabilities(double[] draw, int element, int classes, double[] p)
    {
        if (classes == 1)
        {
            p[1] = draw[element];
            p[0] = 1 - p[1];
            return;
        }
        for (var c = 0; c < classes; c++)
        {
            p[c] = draw[element * classes + c];
        }
    }

    /// <summary>H[p] = −Σ pᵢ log pᵢ with 0 log 0 = 0.</summary>
    internal static double Entropy(ReadOnlySpan<double> p)
    {
        var h = 0.0;
        foreach (var v in p)
        {
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }
        return h;
    }
}
