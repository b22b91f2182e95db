using System.Globalization;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// D independent Normals N(μᵢ, σᵢ²) seen as one vector: an MvNormal with diagonal covariance. This is what
/// <c>w: real[D] ~ Normal(m, s)</c> means, and the mean-field Gaussian guide of SVI.
/// </summary>
public sealed class DiagonalNormal : IDensity<ReadOnlySpan<double>>
{
    private const string Name = "Normal";
    private readonly double[] _mean;
    private readonly double[] _sd;

    /// <summary>Independent N(meanᵢ, sdᵢ²); equal lengths, every sd positive.</summary>
    public DiagonalNormal(ReadOnlySpan<double> mean, ReadOnlySpan<double> sd)
    {
        _mean = Guard.FiniteVector(Name, "mean", mean);
        _sd = Guard.PositiveVector(Name, "sd", sd);
        if (mean.Length != sd.Length)
        {
            throw new DistributionParameterException(Name, "sd", $"must have one entry per mean ({mean.Length})", $"{sd.Length} entries");
        }
    }

    /// <summary>D.</summary>
    public int Dimension => _mean.Length;

    /// <summary>μ.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>σ.</summary>
    public ReadOnlySpan<double> StandardDeviation => _sd;

    /// <summary>Σᵢ (½ log 2πe + log σᵢ).</summary>
    public double Entropy => _sd.Sum(s => LogConstants.HalfLogTwoPi + 0.5 + Math.Log(s));

    /// <summary>Σᵢ log N(xᵢ; μᵢ, σᵢ²).</summary>
    public double LogDensity(ReadOnlySpan<double> value)
    {
        if (value.Length != Dimension)
        {
            throw new ArgumentException($"{Name}: expected a vector of {Dimension}, got {value.Length}.", nameof(value));
        }
        var sum = 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            var z = (value[i] - _mean[i]) / _sd[i];
            sum += -0.5 * z * z - Math.Log(_sd[i]) - LogConstants.HalfLogTwoPi;
        }
        return sum;
    }

    /// <summary>One draw μ + σ ⊙ ε.</summary>
    public double[] Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var x = new double[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            x[i] = _mean[i] + _sd[i] * random.NextNormal();
        }
        return x;
    }

    /// <summary>The same distribution as a full MvNormal.</summary>
    public MvNormal ToMvNormal()
    {
        var d = Dimension;
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            l[i * d + i] = _sd[i];
        }
        return MvNormal.FromCholesky(_mean, l);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Normal(D: {Dimension}, diagonal)");
}
