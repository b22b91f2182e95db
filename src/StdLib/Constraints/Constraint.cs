using System.Diagnostics.CodeAnalysis;

namespace Ppl.StdLib.Constraints;

/// <summary>
/// The set a value must lie in: the support of a distribution, the domain of a parameter, the type
/// of a declared variable (<c>pos</c>, <c>prob</c>, <c>simplex[K]</c>, <c>cov[D]</c>). A constraint
/// checks values (<see cref="Check(ReadOnlySpan{double})"/>) and names the bijection from
/// unconstrained reals that SVI optimises through (<see cref="Bijection"/>, NumPyro's
/// <c>biject_to</c>).
/// </summary>
/// <remarks>
/// Values are passed as flat row-major spans of one event: a scalar constraint checks every element
/// of the span; <see cref="SimplexConstraint"/> checks one vector; <see cref="CholeskyFactorConstraint"/>
/// and <see cref="CovarianceConstraint"/> check one square matrix.
/// </remarks>
public abstract record Constraint
{
    /// <summary>All finite reals.</summary>
    public static RealConstraint Real { get; } = new();

    /// <summary>Finite reals &gt; 0.</summary>
    public static PositiveConstraint Positive { get; } = new();

    /// <summary>The closed unit interval [0, 1].</summary>
    public static UnitIntervalConstraint UnitInterval { get; } = new();

    /// <summary>Vectors of non-negative reals summing to one.</summary>
    public static SimplexConstraint Simplex { get; } = new();

    /// <summary>Lower-triangular square matrices with a positive diagonal.</summary>
    public static CholeskyFactorConstraint CholeskyFactor { get; } = new();

    /// <summary>Symmetric positive definite square matrices.</summary>
    public static CovarianceConstraint Covariance { get; } = new();

    /// <summary>The integers.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "'Integer' is the set's name in the user's words, as in the language's int type.")]
    public static IntegerConstraint Integer { get; } = new();

    /// <summary>The integers ≥ 0.</summary>
    public static NonNegativeIntegerConstraint NonNegativeInteger { get; } = new();

    /// <summary>0 and 1.</summary>
    public static BooleanConstraint Boolean { get; } = new();

    /// <summary>Finite reals &gt; lower.</summary>
    public static GreaterThanConstraint GreaterThan(double lower) => new(lower);

    /// <summary>The closed interval [lower, upper].</summary>
    public static IntervalConstraint Interval(double lower, double upper) => new(lower, upper);

    /// <summary>A short name in the user's words, for messages: "positive", "a simplex", ….</summary>
    public abstract string Name { get; }

    /// <summary>0 for a scalar constraint, 1 for a vector (simplex), 2 for a matrix.</summary>
    public virtual int EventRank => 0;

    /// <summary>Whether the set is discrete (no bijection from the reals exists).</summary>
    public virtual bool IsDiscrete => false;

    /// <summary>The bijection from unconstrained reals onto this set; null for discrete sets.</summary>
    public abstract Bijection? Bijection { get; }

    /// <summary>Whether one value (of <see cref="EventRank"/> 0) is in the set.</summary>
    public virtual bool Check(double value) => Check([value]);

    /// <summary>Whether a value is in the set: every element for a scalar constraint, the whole
    /// event (row-major) for a vector or matrix constraint.</summary>
    public abstract bool Check(ReadOnlySpan<double> value);
}
