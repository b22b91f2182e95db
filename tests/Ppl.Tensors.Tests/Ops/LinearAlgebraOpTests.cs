using Ppl.Tensors.Random;
using Ppl.Tensors.Tests.Autodiff;

namespace Ppl.Tensors.Tests.Ops;

/// <summary>
/// The Cholesky factor, the lower-triangular solve and the diagonal: forward values against their defining
/// identities (L Lᵀ = A, L X = B) and gradients against central differences in float64, with a random
/// weighting of the outputs so that every output element's gradient counts.
/// </summary>
public sealed class LinearAlgebraOpTests
{
    private static Tensor Input(ulong seed, params int[] shape)
    {
        var random = new RandomSource(seed);
        var n = shape.Aggregate(1, (a, b) => a * b);
        return Tensor.Parameter([.. Enumerable.Range(0, n).Select(_ => random.NextNormal())], DType.Float64, shape);
    }

    /// <summary>A symmetric positive-definite batch A = B Bᵀ + 3I built inside the graph from B [.., D, D].</summary>
    private static Tensor Spd(Tensor b)
    {
        var d = b.Size(-1);
        var identity = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            identity[i * d + i] = 3;
        }
        return Tensor.MatMul(b, b.Transpose()) + Tensor.FromArray(identity, d, d);
    }

    /// <summary>A lower factor with a diagonal kept well away from zero: X + 4I (only the lower triangle is read).</summary>
    private static Tensor Shift(Tensor x)
    {
        var d = x.Size(-1);
        var identity = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            identity[i * d + i] = 4;
        }
        return x + Tensor.FromArray(identity, d, d);
    }

    public static TheoryData<string> Cases() =>
    [
        "cholesky 2d", "cholesky batched", "solve 2d", "solve batched", "solve shared L", "solve shared B", "diagonal",
        "log-determinant through cholesky",
    ];

    private static (Func<Tensor[], Tensor> F, Tensor[] Inputs) Case(string name) => name switch
    {
        "cholesky 2d" => (x => Spd(x[0]).Cholesky(), [Input(1, 4, 4)]),
        "cholesky batched" => (x => Spd(x[0]).Cholesky(), [Input(2, 3, 3, 3)]),
        "solve 2d" => (x => Tensor.SolveLower(Shift(x[0]), x[1]), [Input(3, 4, 4), Input(4, 4, 2)]),
        "solve batched" => (x => Tensor.SolveLower(Shift(x[0]), x[1]), [Input(5, 2, 3, 3), Input(6, 2, 3, 2)]),
        "solve shared L" => (x => Tensor.SolveLower(Shift(x[0]), x[1]), [Input(7, 3, 3), Input(8, 2, 3, 2)]),
        "solve shared B" => (x => Tensor.SolveLower(Shift(x[0]), x[1]), [Input(9, 2, 3, 3), Input(10, 3, 2)]),
        "diagonal" => (x => x[0].Diagonal(), [Input(11, 2, 3, 3)]),
        "log-determinant through cholesky" => (x => 2.0 * Tensor.Log(Spd(x[0]).Cholesky().Diagonal()).Sum(-1), [Input(12, 2, 3, 3)]),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_matches_central_differences(string name)
    {
        var (f, inputs) = Case(name);
        var output = f(inputs);
        var w = Input(99, [.. output.Shape]).Detach();
        CentralDifferenceCheck.Assert(name, f, inputs, w);
    }

    [Fact]
    public void Cholesky_factor_is_lower_with_positive_diagonal_and_reproduces_the_matrix()
    {
        using var _ = Tensor.NoGrad();
        var a = Spd(Input(20, 3, 5, 5));
        var l = a.Cholesky();
        var product = Tensor.MatMul(l, l.Transpose()).ToArray();
        var expected = a.ToArray();
        var lv = l.ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(product[i] - expected[i]) <= 1e-13 * (1 + Math.Abs(expected[i])), $"(L Lᵀ)[{i}]");
            var (row, col) = (i % 25 / 5, i % 5);
            if (col > row)
            {
                Assert.Equal(0.0, lv[i]);
            }
            if (col == row)
            {
                Assert.True(lv[i] > 0);
            }
        }
    }

    [Fact]
    public void Lower_solve_satisfies_L_X_equals_B_for_a_shared_factor()
    {
        using var _ = Tensor.NoGrad();
        var l = Shift(Input(21, 4, 4));
        var b = Input(22, 3, 4, 2);
        var x = Tensor.SolveLower(l, b);
        Assert.Equal([3, 4, 2], x.Shape.ToArray());
        // Zero the upper triangle explicitly: the solve reads only the lower one.
        var lower = l.ToArray();
        for (var i = 0; i < 4; i++)
        {
            for (var j = i + 1; j < 4; j++)
            {
                lower[i * 4 + j] = 0;
            }
        }
        var back = Tensor.MatMul(Tensor.FromArray(lower, 4, 4), x).ToArray();
        var expected = b.ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(back[i] - expected[i]) <= 1e-13 * (1 + Math.Abs(expected[i])), $"(L X)[{i}]");
        }
    }

    [Fact]
    public void Cholesky_of_a_matrix_that_is_not_positive_definite_fails_by_name()
    {
        var a = Tensor.FromArray([1.0, 2.0, 2.0, 1.0], 2, 2);
        var e = Assert.Throws<ArgumentException>(() => a.Cholesky());
        Assert.Contains("not positive definite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Float32_factor_matches_the_float64_one()
    {
        using var _ = Tensor.NoGrad();
        var a = Spd(Input(23, 4, 4));
        var l64 = a.Cholesky().ToArray();
        var l32 = a.To(DType.Float32).Cholesky();
        Assert.Equal(DType.Float32, l32.DType);
        var values = l32.ToArray();
        for (var i = 0; i < l64.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - l64[i]) <= 1e-6 * (1 + Math.Abs(l64[i])), $"L[{i}]");
        }
    }
}
