using Ppl.StdLib.Constraints;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Tests.Constraints;

public sealed class BijectionTests
{
    public static TheoryData<string> ElementwiseNames => ["identity", "exp", "shifted-exp", "softplus", "sigmoid", "interval"];

    private static ElementwiseBijection Elementwise(string name) => name switch
    {
        "identity" => IdentityBijection.Instance,
        "exp" => ExpBijection.Instance,
        "shifted-exp" => new ShiftedExpBijection(2.5),
        "softplus" => SoftplusBijection.Instance,
        "sigmoid" => SigmoidBijection.Instance,
        "interval" => new AffineSigmoidBijection(-2, 3.5),
        _ => throw new ArgumentException(name),
    };

    [Theory, MemberData(nameof(ElementwiseNames))]
    public void Elementwise_bijections_round_trip_land_in_their_codomain_and_have_the_numerical_derivative(string name)
    {
        var bijection = Elementwise(name);
        double[] xs = [-6.0, -1.3, -0.01, 0.0, 0.4, 2.2, 7.5];
        var ys = bijection.Forward(xs);
        Assert.True(bijection.Codomain.Check(ys), $"{name} left its codomain");
        var back = bijection.Inverse(ys);
        for (var i = 0; i < xs.Length; i++)
        {
            // Central difference: truncation O(h²), rounding ε |f| / (h |f′|) relative to f′.
            const double H = 1e-5;
            var derivative = (bijection.Map<Scalar>(xs[i] + H).Value - bijection.Map<Scalar>(xs[i] - H).Value) / (2 * H);
            var expected = Math.Log(Math.Abs(derivative));
            var tolerance = 1e-8 + 1e-15 * Math.Max(1, Math.Abs(ys[i])) / (H * Math.Abs(derivative));
            Assert.Equal(expected, bijection.LogAbsDerivative<Scalar>(xs[i]).Value, tolerance);

            // The inverse undoes the rounding of y only up to ε |y| / |f′(x)|: what the forward map compressed.
            var roundTrip = 4.5e-16 * (Math.Abs(xs[i]) + Math.Max(1, Math.Abs(ys[i])) / Math.Abs(derivative));
            Assert.Equal(xs[i], back[i], roundTrip);
        }
        // The span form sums the elementwise log-derivatives.
        var sum = xs.Sum(x => bijection.LogAbsDerivative<Scalar>(x).Value);
        Assert.Equal(sum, bijection.LogAbsDetJacobian(xs), 1e-12);
    }

    [Fact]
    public void Elementwise_formulas_are_the_closed_forms()
    {
        Assert.Equal(Math.Exp(0.7), ExpBijection.Instance.Map<Scalar>(0.7).Value);
        Assert.Equal(SpecialFunctions.Softplus(0.7), SoftplusBijection.Instance.Map<Scalar>(0.7).Value);
        Assert.Equal(SpecialFunctions.Sigmoid(0.7), SigmoidBijection.Instance.Map<Scalar>(0.7).Value);
        Assert.Equal(-2 + 5.5 * SpecialFunctions.Sigmoid(0.7), new AffineSigmoidBijection(-2, 3.5).Map<Scalar>(0.7).Value, 1e-15);
        // Softplus inverse far out: softplus(40) = 40 + 4e-18, and back.
        Assert.Equal(40.0, SoftplusBijection.Instance.InverseMap<Scalar>(SpecialFunctions.Softplus(40)).Value, 1e-12);
        Assert.Equal(-30.0, SoftplusBijection.Instance.InverseMap<Scalar>(SpecialFunctions.Softplus(-30)).Value, 1e-10);
        Assert.Throws<ArgumentException>(() => new AffineSigmoidBijection(1, 1));
    }

    [Theory]
    [InlineData(2, 31ul)]
    [InlineData(3, 32ul)]
    [InlineData(5, 33ul)]
    [InlineData(10, 34ul)]
    public void Stick_breaking_round_trips_and_matches_the_numerical_Jacobian(int k, ulong seed)
    {
        var random = new RandomSource(seed);
        var bijection = StickBreakingBijection.Instance;
        for (var trial = 0; trial < 5; trial++)
        {
            var x = Enumerable.Range(0, k - 1).Select(_ => 1.5 * random.NextNormal()).ToArray();
            var y = bijection.Forward(x);
            Assert.Equal(k, y.Length);
            Assert.True(Constraint.Simplex.Check(y));
            Assert.Equal(1.0, y.Sum(), 1e-14);
            var back = bijection.Inverse(y);
            for (var i = 0; i < x.Length; i++)
            {
                Assert.Equal(x[i], back[i], 1e-11);
            }
            // Jacobian of x ↦ (y₀ … y_{K−2}).
            var jacobian = NumericalJacobian.Compute(v => bijection.Forward(v)[..^1], x);
            Assert.Equal(NumericalJacobian.LogAbsDeterminant(jacobian), bijection.LogAbsDetJacobian(x), 1e-7);
        }
    }

    [Fact]
    public void Stick_breaking_sends_zero_to_the_uniform_simplex()
    {
        var y = StickBreakingBijection.Instance.Forward(new double[4]);
        foreach (var value in y)
        {
            Assert.Equal(0.2, value, 1e-15);
        }
    }

    [Theory]
    [InlineData(1, 41ul)]
    [InlineData(2, 42ul)]
    [InlineData(3, 43ul)]
    [InlineData(5, 44ul)]
    public void Cholesky_factor_bijection_round_trips_and_matches_the_numerical_Jacobian(int d, ulong seed)
    {
        var random = new RandomSource(seed);
        var bijection = CholeskyFactorBijection.Instance;
        var x = Enumerable.Range(0, d * (d + 1) / 2).Select(_ => random.NextNormal()).ToArray();
        var l = bijection.Forward(x);
        Assert.Equal(d * d, l.Length);
        Assert.True(Constraint.CholeskyFactor.Check(l));
        var back = bijection.Inverse(l);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(x[i], back[i], 1e-14);
        }
        var jacobian = NumericalJacobian.Compute(v => LowerTriangle(bijection.Forward(v), d), x);
        Assert.Equal(NumericalJacobian.LogAbsDeterminant(jacobian), bijection.LogAbsDetJacobian(x), 1e-7);
    }

    [Theory]
    [InlineData(1, 51ul)]
    [InlineData(2, 52ul)]
    [InlineData(3, 53ul)]
    [InlineData(4, 54ul)]
    public void Covariance_bijection_round_trips_and_matches_the_numerical_Jacobian(int d, ulong seed)
    {
        var random = new RandomSource(seed);
        var bijection = CovarianceBijection.Instance;
        var x = Enumerable.Range(0, d * (d + 1) / 2).Select(_ => 0.7 * random.NextNormal()).ToArray();
        var sigma = bijection.Forward(x);
        Assert.True(Constraint.Covariance.Check(sigma));
        var back = bijection.Inverse(sigma);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(x[i], back[i], 1e-12);
        }
        var jacobian = NumericalJacobian.Compute(v => LowerTriangle(bijection.Forward(v), d), x);
        Assert.Equal(NumericalJacobian.LogAbsDeterminant(jacobian), bijection.LogAbsDetJacobian(x), 1e-7);
    }

    [Fact]
    public void Covariance_inverse_rejects_a_matrix_that_is_not_positive_definite()
    {
        Assert.Throws<Ppl.StdLib.LinearAlgebra.NotPositiveDefiniteException>(() => CovarianceBijection.Instance.Inverse([1.0, 2.0, 2.0, 1.0]));
    }

    [Fact]
    public void Lengths_are_related_and_checked()
    {
        Assert.Equal(4, StickBreakingBijection.Instance.UnconstrainedLength(5));
        Assert.Equal(5, StickBreakingBijection.Instance.ConstrainedLength(4));
        Assert.Equal(6, CholeskyFactorBijection.Instance.UnconstrainedLength(9));
        Assert.Equal(9, CovarianceBijection.Instance.ConstrainedLength(6));
        Assert.Throws<ArgumentException>(() => CholeskyFactorBijection.Instance.Forward(new double[4]));
        Assert.Throws<ArgumentException>(() => StickBreakingBijection.Instance.Forward(new double[2], new double[2]));
        Assert.Throws<ArgumentException>(() => ExpBijection.Instance.Forward(new double[2], new double[3]));
    }

    /// <summary>The packed lower triangle of a row-major d × d matrix, row by row.</summary>
    private static double[] LowerTriangle(double[] matrix, int d)
    {
        var result = new List<double>();
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                result.Add(matrix[i * d + j]);
            }
        }
        return [.. result];
    }
}
