using Ppl.StdLib.Constraints;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The <see cref="Constraint"/> (support check and SVI bijection) behind each catalogue <see cref="Domain"/>.
/// </summary>
public static class DomainConstraints
{
    /// <summary>
    /// The constraint for a domain. <see cref="Domain.NonNegative"/> maps to <see cref="Constraint.Positive"/>:
    /// the boundary 0 has probability zero, and SVI needs the open set's bijection. Domains whose bounds are
    /// other parameters take them as <paramref name="lower"/> and <paramref name="upper"/>
    /// (<see cref="Domain.Interval"/>: Uniform's lo and hi). Returns null where no single constraint
    /// describes the set (<see cref="Domain.CountVector"/>, <see cref="Domain.Distribution"/>, and the parameter
    /// relations <see cref="Domain.GreaterThanPrevious"/> and <see cref="Domain.DegreesOfFreedom"/>, which the
    /// distributions' constructors check).
    /// </summary>
    public static Constraint? Of(Domain domain, double lower = double.NaN, double upper = double.NaN) => domain switch
    {
        Domain.Real => Constraint.Real,
        Domain.Positive or Domain.NonNegative => Constraint.Positive,
        Domain.UnitInterval => Constraint.UnitInterval,
        Domain.Interval when double.IsFinite(lower) && double.IsFinite(upper) && upper > lower => Constraint.Interval(lower, upper),
        Domain.Bool => Constraint.Boolean,
        Domain.NonNegativeInteger or Domain.BoundedInteger or Domain.CategoryIndex => Constraint.NonNegativeInteger,
        Domain.Simplex => Constraint.Simplex,
        Domain.PositiveDefinite => Constraint.Covariance,
        _ => null,
    };
}
