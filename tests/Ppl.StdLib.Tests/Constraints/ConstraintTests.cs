using Ppl.StdLib.Constraints;

namespace Ppl.StdLib.Tests.Constraints;

public sealed class ConstraintTests
{
    public static TheoryData<string, double, bool> ScalarCases => new()
    {
        { "real", 0, true }, { "real", -1e300, true }, { "real", double.PositiveInfinity, false }, { "real", double.NaN, false },
        { "positive", 1e-300, true }, { "positive", 0, false }, { "positive", -1, false }, { "positive", double.PositiveInfinity, false },
        { "unit", 0, true }, { "unit", 1, true }, { "unit", 0.5, true }, { "unit", 1.0000001, false }, { "unit", -0.1, false }, { "unit", double.NaN, false },
        { "interval", -2, true }, { "interval", 3.5, true }, { "interval", 3.6, false },
        { "greater", 1.0001, true }, { "greater", 1, false }, { "greater", double.PositiveInfinity, false },
        { "integer", -3, true }, { "integer", 2.5, false }, { "integer", double.NaN, false },
        { "count", 0, true }, { "count", 7, true }, { "count", -1, false }, { "count", 1.5, false },
        { "bool", 0, true }, { "bool", 1, true }, { "bool", 0.5, false }, { "bool", 2, false },
    };

    private static Constraint Named(string name) => name switch
    {
        "real" => Constraint.Real,
        "positive" => Constraint.Positive,
        "unit" => Constraint.UnitInterval,
        "interval" => Constraint.Interval(-2, 3.5),
        "greater" => Constraint.GreaterThan(1),
        "integer" => Constraint.Integer,
        "count" => Constraint.NonNegativeInteger,
        "bool" => Constraint.Boolean,
        _ => throw new ArgumentException(name),
    };

    [Theory, MemberData(nameof(ScalarCases))]
    public void Scalar_constraints_check_each_value(string name, double value, bool expected)
    {
        var constraint = Named(name);
        Assert.Equal(expected, constraint.Check(value));
        Assert.Equal(expected, constraint.Check([name is "positive" or "greater" ? 2.0 : 0.0, value]));
    }

    [Fact]
    public void Simplex_checks_sign_and_sum()
    {
        Assert.True(Constraint.Simplex.Check([0.2, 0.3, 0.5]));
        Assert.True(Constraint.Simplex.Check([1.0]));
        Assert.True(Constraint.Simplex.Check([0.333333, 0.333333, 0.333334]));
        Assert.False(Constraint.Simplex.Check([0.2, 0.3, 0.6]));
        Assert.False(Constraint.Simplex.Check([-0.1, 0.6, 0.5]));
        Assert.False(Constraint.Simplex.Check([double.NaN, 1.0]));
        Assert.False(Constraint.Simplex.Check([]));
    }

    [Fact]
    public void Matrix_constraints_check_the_whole_matrix()
    {
        Assert.True(Constraint.CholeskyFactor.Check([2, 0, -1, 0.5]));
        Assert.False(Constraint.CholeskyFactor.Check([2, 0.1, -1, 0.5]));
        Assert.False(Constraint.CholeskyFactor.Check([2, 0, -1, -0.5]));
        Assert.False(Constraint.CholeskyFactor.Check([1, 0, 0]));

        Assert.True(Constraint.Covariance.Check([2, 0.5, 0.5, 1]));
        Assert.False(Constraint.Covariance.Check([1, 2, 2, 1]));     // indefinite
        Assert.False(Constraint.Covariance.Check([2, 0.5, 0.4, 1]));  // not symmetric
        Assert.False(Constraint.Covariance.Check([1, 0, 0]));         // not square
        Assert.True(Constraint.Covariance.Check([3.0]));
    }

    [Fact]
    public void Each_continuous_constraint_names_a_bijection_onto_itself()
    {
        Constraint[] continuous = [Constraint.Real, Constraint.Positive, Constraint.GreaterThan(-1), Constraint.UnitInterval, Constraint.Interval(0, 10),
            Constraint.Simplex, Constraint.CholeskyFactor, Constraint.Covariance];
        foreach (var constraint in continuous)
        {
            Assert.False(constraint.IsDiscrete);
            var bijection = constraint.Bijection;
            Assert.NotNull(bijection);
            Assert.Equal(constraint, bijection.Codomain);
            // Three unconstrained values map to a valid value (3 → simplex[4], 3 → 2×2 matrices).
            var y = bijection.Forward([0.3, -1.1, 0.8]);
            Assert.True(constraint.Check(y), $"{constraint.Name}: {string.Join(", ", y)}");
        }
        foreach (var constraint in new Constraint[] { Constraint.Integer, Constraint.NonNegativeInteger, Constraint.Boolean })
        {
            Assert.True(constraint.IsDiscrete);
            Assert.Null(constraint.Bijection);
        }
    }

    [Fact]
    public void Names_and_event_ranks()
    {
        Assert.Equal("positive", Constraint.Positive.Name);
        Assert.Equal("in [0, 1]", Constraint.UnitInterval.Name);
        Assert.Equal("in [-2, 3.5]", Constraint.Interval(-2, 3.5).Name);
        Assert.Equal("greater than 1", Constraint.GreaterThan(1).Name);
        Assert.Equal(0, Constraint.Positive.EventRank);
        Assert.Equal(1, Constraint.Simplex.EventRank);
        Assert.Equal(2, Constraint.Covariance.EventRank);
        Assert.Equal(Constraint.Interval(1, 2), Constraint.Interval(1, 2));
    }
}
