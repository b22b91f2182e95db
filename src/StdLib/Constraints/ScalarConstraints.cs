namespace Ppl.StdLib.Constraints;

/// <summary>A constraint that applies to each element independently.</summary>
public abstract record ElementwiseConstraint : Constraint
{
    /// <inheritdoc/>
    public abstract override bool Check(double value);

    /// <inheritdoc/>
    public sealed override bool Check(ReadOnlySpan<double> value)
    {
        foreach (var element in value)
        {
            if (!Check(element))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>All finite reals: the support of Normal, StudentT, Laplace.</summary>
public sealed record RealConstraint : ElementwiseConstraint
{
    /// <inheritdoc/>
    public override string Name => "real";

    /// <inheritdoc/>
    public override Bijection Bijection => IdentityBijection.Instance;

    /// <inheritdoc/>
    public override bool Check(double value) => double.IsFinite(value);
}

/// <summary>Finite reals &gt; 0: scales, rates, precisions (<c>pos</c>).</summary>
public sealed record PositiveConstraint : ElementwiseConstraint
{
    /// <inheritdoc/>
    public override string Name => "positive";

    /// <inheritdoc/>
    public override Bijection Bijection => ExpBijection.Instance;

    /// <inheritdoc/>
    public override bool Check(double value) => value > 0 && double.IsFinite(value);
}

/// <summary>Finite reals &gt; Lower: e.g. a Wishart's degrees of freedom (&gt; D − 1).</summary>
/// <param name="Lower">The excluded lower bound.</param>
public sealed record GreaterThanConstraint(double Lower) : ElementwiseConstraint
{
    /// <inheritdoc/>
    public override string Name => FormattableString.Invariant($"greater than {Lower}");

    /// <inheritdoc/>
    public override Bijection Bijection => new ShiftedExpBijection(Lower);

    /// <inheritdoc/>
    public override bool Check(double value) => value > Lower && double.IsFinite(value);
}

/// <summary>The closed unit interval [0, 1]: probabilities (<c>prob</c>). Closed so that 0/1 data
/// and grey levels at the ends are admitted; the bijection maps onto the open interval.</summary>
public sealed record UnitIntervalConstraint : ElementwiseConstraint
{
    /// <inheritdoc/>
    public override string Name => "in [0, 1]";

    /// <inheritdoc/>
    public override Bijection Bijection => SigmoidBijection.Instance;

    /// <inheritdoc/>
    public override bool Check(double value) => value >= 0 && value <= 1;
}

/// <summary>The closed interval [Lower, Upper]: the support of Uniform(lo, hi).</summary>
/// <param name="Lower">The lower end.</param>
/// <param name="Upper">The upper end, greater than <paramref name="Lower"/>.</param>
public sealed record IntervalConstraint(double Lower, double Upper) : ElementwiseConstraint
{
    /// <inheritdoc/>
    public override string Name => FormattableString.Invariant($"in [{Lower}, {Upper}]");

    /// <inheritdoc/>
    public override Bijection Bijection => new AffineSigmoidBijection(Lower, Upper);

    /// <inheritdoc/>
    public override bool Check(double value) => value >= Lower && value <= Upper;
}

/// <summary>The integers.</summary>
public sealed record IntegerConstraint : ElementwiseConstraint
{
    /// <inheritdoc/>
    public override string Name => "an integer";

    /// <inheritdoc/>
    public override bool IsDiscrete => true;

    /// <inheritdoc/>
    public override Bijection? Bijection => null;

    /// <inheritdoc/>
    public override bool Check(double value) => double.IsFinite(value) && value == Math.Floor(value);
}

/// <summary>The integers ≥ 0: counts (Poisson, Binomial, Multinomial).</summary>
public sealed record NonNegativeIntegerConstraint : ElementwiseConstraint
{
    /// <inheritdoc/>
    public override string Name => "a non-negative integer";

    /// <inheritdoc/>
    public override bool IsDiscrete => true;

    /// <inheritdoc/>
    public override Bijection? Bijection => null;

    /// <inheritdoc/>
    public override bool Check(double value) => value >= 0 && double.IsFinite(value) && value == Math.Floor(value);
}

/// <summary>0 and 1 (<c>bool</c>).</summary>
public sealed record BooleanConstraint : ElementwiseConstraint
{
    /// <inheritdoc/>
    public override string Name => "0 or 1";

    /// <inheritdoc/>
    public override bool IsDiscrete => true;

    /// <inheritdoc/>
    public override Bijection? Bijection => null;

    /// <inheritdoc/>
    public override bool Check(double value) => value == 0 || value == 1;
}
