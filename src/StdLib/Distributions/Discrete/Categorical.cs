using System.Globalization;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The categorical distribution over 0..K−1: p(k) = pₖ. Language: <c>Categorical(p | logits:)</c>; held as
/// probabilities and their logarithms.
/// </summary>
public sealed partial class Categorical : IDensity<int>, IExponentialFamily<Categorical, int>
{
    private const string Name = "Categorical";
    private readonly double[] _probabilities;
    private readonly double[] _logProbabilities;

    /// <summary>Categorical(p); p must be a probability vector (entries in [0, 1] summing to one).</summary>
    public Categorical(ReadOnlySpan<double> p)
    {
        _probabilities = Guard.Simplex(Name, "p", p);
        _logProbabilities = new double[p.Length];
        for (var k = 0; k < p.Length; k++)
        {
            _logProbabilities[k] = Math.Log(_probabilities[k]);
        }
    }

    private Categorical(double[] probabilities, double[] logProbabilities)
    {
        _probabilities = probabilities;
        _logProbabilities = logProbabilities;
    }

    /// <summary>Categorical with pₖ = softmax(logits)ₖ = exp(lₖ − log Σⱼ exp lⱼ).</summary>
    public static Categorical FromLogits(ReadOnlySpan<double> logits)
    {
        if (logits.Length == 0)
        {
            throw new DistributionParameterException(Name, "logits", "must have at least one entry", "an empty vector");
        }
        var normaliser = SpecialFunctions.LogSumExp(Guard.FiniteVector(Name, "logits", logits));
        var log = new double[logits.Length];
        var p = new double[logits.Length];
        for (var k = 0; k < logits.Length; k++)
        {
            log[k] = logits[k] - normaliser;
            p[k] = Math.Exp(log[k]);
        }
        return new(p, log);
    }

    /// <summary>K, the number of categories.</summary>
    public int Count => _probabilities.Length;

    /// <summary>p.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>log p.</summary>
    public ReadOnlySpan<double> LogProbabilities => _logProbabilities;

    /// <summary>−Σₖ pₖ log pₖ.</summary>
    public double Entropy
    {
        get
        {
            var entropy = 0.0;
            for (var k = 0; k < Count; k++)
            {
                entropy -= Bernoulli.XLogY(_probabilities[k], _probabilities[k]);
            }
            return entropy;
        }
    }

    /// <summary>log pₖ; −∞ for k outside 0..K−1.</summary>
    public double LogDensity(int value) => value >= 0 && value < Count ? _logProbabilities[value] : double.NegativeInfinity;

    /// <summary>
    /// Log-masses of a plate: result[i] = log p[i, x[i]] from a row-major table of log-probabilities with one
    /// row of K per point, or a single shared row.
    /// </summary>
    public static void LogDensities(ReadOnlySpan<int> x, ReadOnlySpan<double> logProbabilities, int count, Span<double> result)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (logProbabilities.Length % count != 0)
        {
            throw new ArgumentException($"{Name}: a table of {logProbabilities.Length} log-probabilities is not rows of {count}.");
        }
        Batch.CheckLengths(Name, x.Length, result.Length, logProbabilities.Length / count);
        var shared = logProbabilities.Length == count;
        for (var i = 0; i < x.Length; i++)
        {
            var k = x[i];
            result[i] = k >= 0 && k < count ? logProbabilities[(shared ? 0 : i * count) + k] : double.NegativeInfinity;
        }
    }

    /// <summary>One draw, a category index.</summary>
    public int Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextCategorical(_probabilities);
    }

    // Exponential family: T(k) = one-hot(k) ∈ {0, 1}ᴷ, η = log p (over-complete: A(η) = log Σ e^η = 0 at a
    // normalised η), h = 1.

    /// <inheritdoc/>
    public double[] NaturalParameters => (double[])_logProbabilities.Clone();

    /// <inheritdoc/>
    public double LogNormaliser => SpecialFunctions.LogSumExp(_logProbabilities);

    /// <inheritdoc/>
    public double[] ExpectedSufficientStatistics => (double[])_probabilities.Clone();

    /// <inheritdoc/>
    public double[] SufficientStatistics(int value)
    {
        var t = new double[Count];
        t[value] = 1;
        return t;
    }

    /// <inheritdoc/>
    public double LogBaseMeasure(int value) => 0;

    /// <inheritdoc/>
    public Categorical WithNaturalParameters(ReadOnlySpan<double> naturalParameters) => FromLogits(naturalParameters);

    /// <inheritdoc/>
    public override string ToString() =>
        "Categorical(p: [" + string.Join(", ", _probabilities.Select(p => p.ToString("R", CultureInfo.InvariantCulture))) + "])";
}
