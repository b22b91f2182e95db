using Ppl.Tensors.Random;

namespace Ppl.StdLib.Distributions;

/// <summary>A distribution over one real (or integer-valued real) number, with its moments.</summary>
public interface IUnivariateDistribution : IDensity<double>
{
    /// <summary>E[x]; +∞ where the integral diverges upwards, NaN where it is undefined.</summary>
    double Mean { get; }

    /// <summary>Var[x]; +∞ where it diverges, NaN where it is undefined.</summary>
    double Variance { get; }

    /// <summary>The differential (continuous) or Shannon (discrete) entropy in nats.</summary>
    double Entropy { get; }

    /// <summary>One draw.</summary>
    double Sample(RandomSource random);
}
