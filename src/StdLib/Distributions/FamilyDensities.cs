using Ppl.Tensors;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The catalogue's scalar families by name (as the IR writes them: family, parameterisation, arguments),
/// routed to each family's one generic formula (STYLE.md principle 4): the same entry serves doubles
/// (<see cref="Scalar"/>) and autodiff tensors, elementwise, with the arguments already broadcast to the
/// variate's layout. The vector and matrix families have their own tensor entry points
/// (<see cref="MvNormal.LogDensity(Tensor, Tensor, Tensor)"/>, <see cref="Dirichlet.LogDensity(Tensor, Tensor)"/>,
/// <see cref="Wishart.LogDensity(Tensor, double, Tensor)"/>, <see cref="Categorical.LogDensity(Tensor, int[])"/>,
/// <see cref="Multinomial.LogDensity(Tensor, Tensor)"/>); a Mixture is scored by log-sum-exp over its components.
/// </summary>
public static class FamilyDensities
{
    /// <summary>True when <see cref="LogDensity{T}"/> has the family (a scalar family with a generic formula).</summary>
    public static bool Supports(string family) => family is "Normal" or "Bernoulli" or "Gamma" or "InverseGamma"
        or "Beta" or "Exponential" or "HalfNormal" or "HalfCauchy" or "LogNormal" or "Laplace" or "StudentT" or "Uniform"
        or "Poisson";

    /// <summary>The Normal's standard deviation from the parameterisation written (sd, var or precision).</summary>
    public static T NormalSd<T>(string parameterisation, T second) where T : IReal<T> => parameterisation switch
    {
        "var" => T.Sqrt(second),
        "precision" => 1.0 / T.Sqrt(second),
        _ => second,
    };

    /// <summary>log p(x) elementwise for a scalar family of the catalogue.</summary>
    /// <param name="family">The family's name in the catalogue.</param>
    /// <param name="parameterisation">The parameterisation written (the first positional name, or an alternative
    /// such as "precision", "scale" or "logits").</param>
    /// <param name="arguments">The arguments in catalogue order, aligned with <paramref name="x"/>.</param>
    /// <param name="x">The variate.</param>
    /// <exception cref="NotSupportedException">The family is not a scalar family (see <see cref="Supports"/>).</exception>
    public static T LogDensity<T>(string family, string parameterisation, IReadOnlyList<T> arguments, T x) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var a = arguments;
        return family switch
        {
            "Normal" => parameterisation == "precision"
                ? Normal.LogDensityFromPrecision(x, a[0], a[1])
                : Normal.LogDensity(x, a[0], NormalSd(parameterisation, a[1])),
            "Bernoulli" => parameterisation == "logits" ? Bernoulli.LogDensityFromLogits(x, a[0]) : Bernoulli.LogDensity(x, a[0]),
            "Gamma" => Gamma.LogDensity(x, a[0], parameterisation == "scale" ? 1.0 / a[1] : a[1]),
            "InverseGamma" => InverseGamma.LogDensity(x, a[0], a[1]),
            "Beta" => Beta.LogDensity(x, a[0], a[1]),
            "Exponential" => Exponential.LogDensity(x, a[0]),
            "HalfNormal" => HalfNormal.LogDensity(x, a[0]),
            "HalfCauchy" => HalfCauchy.LogDensity(x, a[0]),
            "LogNormal" => LogNormal.LogDensity(x, a[0], a[1]),
            "Laplace" => Laplace.LogDensity(x, a[0], a[1]),
            "StudentT" => StudentT.LogDensity(x, a[0], a[1], a[2]),
            // The density does not depend on x inside the support; 0·x gives the result x's layout.
            "Uniform" => Uniform.LogDensity(x, a[0], a[1]) + 0.0 * x,
            "Poisson" => Poisson.LogDensity(x, a[0]),
            _ => throw new NotSupportedException($"{family}: no elementwise log-density (a vector, matrix or mixture family)."),
        };
    }

    /// <summary>The mean and variance of the variate where the predictive split needs them (Normal, Bernoulli,
    /// Poisson), else null.</summary>
    public static (T Mean, T Variance)? Moments<T>(string family, string parameterisation, IReadOnlyList<T> arguments) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        switch (family)
        {
            case "Normal":
                var sd = NormalSd(parameterisation, arguments[1]);
                return (arguments[0] + 0.0 * sd, T.Square(sd) + 0.0 * arguments[0]);
            case "Bernoulli":
                var p = parameterisation == "logits" ? T.Sigmoid(arguments[0]) : arguments[0];
                return (p, p * (1.0 - p));
            case "Poisson":
                return (arguments[0], arguments[0]);
            default:
                return null;
        }
    }
}
