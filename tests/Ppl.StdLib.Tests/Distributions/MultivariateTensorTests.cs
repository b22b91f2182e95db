using Ppl.StdLib.Distributions;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using static Ppl.StdLib.Tests.Distributions.CentralDifferences;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// The vector and matrix families on autodiff tensors, batched over a plate of N rows: each row's value equals
/// the double path (the class's own LogDensity) to 1e-12 relative in float64, and the gradients with respect to
/// the variate and every parameter equal central differences.
/// </summary>
public sealed class MultivariateTensorTests
{
    private const int N = 5;
    private const int D = 3;

    private static double[] Row(Tensor t, int n, int width) => t.ToArray().AsSpan(n * width, width).ToArray();

    private static void Close(double expected, double actual, string what) =>
        FixtureTests.Close(expected, actual, what, 1e-12);

    [Fact]
    public void MvNormal_rows_with_a_shared_covariance_match_the_double_path()
    {
        using var _ = Tensor.NoGrad();
        var x = Input(1, 1.5, 0.2, N, D);
        var mean = Input(2, 1, 0, D);
        var cov = Spd(Input(3, 1, 0, D, D));
        var byCov = MvNormal.LogDensityFromCovariance(x, mean, cov).ToArray();
        var byFactor = MvNormal.LogDensity(x, mean, cov.Cholesky()).ToArray();
        var byPrecision = MvNormal.LogDensityFromPrecision(x, mean, Tensor.FromArray(new MvNormal(mean.ToArray(), cov.ToArray()).Precision, D, D)).ToArray();
        var reference = new MvNormal(mean.ToArray(), cov.ToArray());
        Assert.Equal(N, byCov.Length);
        for (var n = 0; n < N; n++)
        {
            var expected = reference.LogDensity(Row(x, n, D));
            Close(expected, byCov[n], $"cov row {n}");
            Close(expected, byFactor[n], $"Cholesky row {n}");
            Close(expected, byPrecision[n], $"precision row {n}");
        }
    }

    [Fact]
    public void MvNormal_rows_with_one_mean_and_covariance_each_match_the_double_path()
    {
        using var _ = Tensor.NoGrad();
        var x = Input(4, 1, 0, N, D);
        var means = Input(5, 1, 0, N, D);
        var covs = Spd(Input(6, 1, 0, N, D, D));
        var byCov = MvNormal.LogDensityFromCovariance(x, means, covs).ToArray();
        var byPrecision = MvNormal.LogDensityFromPrecision(x, means, covs).ToArray();
        for (var n = 0; n < N; n++)
        {
            var m = Row(means, n, D);
            var c = Row(covs, n, D * D);
            Close(new MvNormal(m, c).LogDensity(Row(x, n, D)), byCov[n], $"cov row {n}");
            Close(MvNormal.FromPrecision(m, c).LogDensity(Row(x, n, D)), byPrecision[n], $"precision row {n}");
        }
    }

    [Fact]
    public void MvNormal_of_a_single_vector_is_a_scalar()
    {
        using var _ = Tensor.NoGrad();
        var x = Input(7, 1, 0, D);
        var mean = Input(8, 1, 0, D);
        var cov = Spd(Input(9, 1, 0, D, D));
        var value = MvNormal.LogDensityFromCovariance(x, mean, cov);
        Assert.Equal(0, value.Rank);
        Close(new MvNormal(mean.ToArray(), cov.ToArray()).LogDensity(x.ToArray()), value.Item(), "vector");
    }

    [Fact]
    public void MvNormal_gradients_match_central_differences()
    {
        Check("shared covariance", a => MvNormal.LogDensityFromCovariance(a[0], a[1], Spd(a[2])),
            [Input(10, 1, 0, N, D), Input(11, 1, 0, D), Input(12, 1, 0, D, D)]);
        Check("covariance per row", a => MvNormal.LogDensityFromCovariance(a[0], a[1], Spd(a[2])),
            [Input(13, 1, 0, N, D), Input(14, 1, 0, N, D), Input(15, 1, 0, N, D, D)]);
        Check("shared precision", a => MvNormal.LogDensityFromPrecision(a[0], a[1], Spd(a[2])),
            [Input(16, 1, 0, N, D), Input(17, 1, 0, D), Input(18, 1, 0, D, D)]);
        Check("precision per row", a => MvNormal.LogDensityFromPrecision(a[0], a[1], Spd(a[2])),
            [Input(19, 1, 0, N, D), Input(20, 1, 0, N, D), Input(21, 1, 0, N, D, D)]);
    }

    [Fact]
    public void Dirichlet_rows_match_the_double_path_and_central_differences()
    {
        var x = Input(22, 1, 0, N, 4).Detach().Softmax(-1);
        var shared = Input(23, 0.3, 1.5, 4);
        var perRow = Input(24, 0.3, 2, N, 4);
        using (Tensor.NoGrad())
        {
            var a = Dirichlet.LogDensity(x, shared).ToArray();
            var b = Dirichlet.LogDensity(x, perRow).ToArray();
            for (var n = 0; n < N; n++)
            {
                Close(new Dirichlet(shared.ToArray()).LogDensity(Row(x, n, 4)), a[n], $"shared α row {n}");
                Close(new Dirichlet(Row(perRow, n, 4)).LogDensity(Row(x, n, 4)), b[n], $"α per row {n}");
            }
        }
        var leafX = Tensor.Parameter(x.ToArray(), DType.Float64, N, 4);
        Check("Dirichlet", a => Dirichlet.LogDensity(a[0], a[1]), [leafX, shared]);
        Check("Dirichlet per row", a => Dirichlet.LogDensity(a[0], a[1]), [leafX, perRow]);
    }

    [Fact]
    public void Wishart_matrices_match_the_double_path_and_central_differences()
    {
        const double Dof = D + 1.5;
        var x = Spd(Input(25, 1, 0, N, D, D)).Detach();
        var scale = Spd(Input(26, 0.7, 0, D, D)).Detach();
        using (Tensor.NoGrad())
        {
            var values = Wishart.LogDensity(x, Dof, scale.Cholesky()).ToArray();
            var single = Wishart.LogDensity(x.Slice(0, 0, 1).Reshape(D, D), Dof, scale.Cholesky());
            Assert.Equal(0, single.Rank);
            var reference = new Wishart(Dof, scale.ToArray());
            for (var n = 0; n < N; n++)
            {
                Close(reference.LogDensity(Row(x, n, D * D)), values[n], $"matrix {n}");
            }
            Close(values[0], single.Item(), "single matrix");
        }
        Check("Wishart", a => Wishart.LogDensity(Spd(a[0]), Dof, Spd(a[1]).Cholesky()),
            [Input(27, 1, 0, N, D, D), Input(28, 0.7, 0, D, D)]);
    }

    [Fact]
    public void Categorical_indices_match_the_double_path_and_central_differences()
    {
        var logits = Input(29, 1, 0, N, 4);
        int[] values = [0, 3, 1, 1, 2];
        using (Tensor.NoGrad())
        {
            var p = logits.Softmax(-1);
            var byProbabilities = Categorical.LogDensity(p, values).ToArray();
            var byLogits = Categorical.LogDensityFromLogits(logits, values).ToArray();
            var shared = Categorical.LogDensityFromLogits(logits.Slice(0, 0, 1).Reshape(4), values).ToArray();
            var sharedAligned = Categorical.LogDensityFromLogits(logits.Slice(0, 0, 1), values).ToArray();
            Assert.Equal(shared, sharedAligned);
            for (var n = 0; n < N; n++)
            {
                var expected = Categorical.FromLogits(Row(logits, n, 4)).LogDensity(values[n]);
                Close(expected, byLogits[n], $"logits row {n}");
                Close(new Categorical(Row(p, n, 4)).LogDensity(values[n]), byProbabilities[n], $"p row {n}");
                Close(Categorical.FromLogits(Row(logits, 0, 4)).LogDensity(values[n]), shared[n], $"shared row, value {n}");
            }
        }
        Check("Categorical logits", a => Categorical.LogDensityFromLogits(a[0], values), [logits]);
        Check("Categorical p", a => Categorical.LogDensity(a[0], values), [Input(30, 0.1, 0.5, N, 4)]);
    }

    [Fact]
    public void Multinomial_counts_match_the_double_path_and_central_differences()
    {
        var random = new RandomSource(31);
        var counts = new double[N * 4];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = random.NextPoisson(3);
        }
        var x = Tensor.FromArray(counts, N, 4);
        var p = Input(32, 1, 0, 4).Detach().Softmax(-1);
        using (Tensor.NoGrad())
        {
            var values = Multinomial.LogDensity(x, p).ToArray();
            for (var n = 0; n < N; n++)
            {
                var row = Row(x, n, 4).Select(v => (int)v).ToArray();
                Close(new Multinomial(row.Sum(), p.ToArray()).LogDensity(row), values[n], $"row {n}");
            }
        }
        Check("Multinomial", a => Multinomial.LogDensity(x, a[0]), [Tensor.Parameter(p.ToArray(), DType.Float64, 4)]);
    }

    [Fact]
    public void Shapes_and_parameters_that_do_not_fit_are_named()
    {
        using var _ = Tensor.NoGrad();
        var x = Tensor.Zeros(DType.Float64, N, D);
        var e = Assert.Throws<ArgumentException>(() =>
            MvNormal.LogDensity(x, Tensor.Zeros(DType.Float64, D), Tensor.Ones(DType.Float64, N + 1, D, D)));
        Assert.Contains("MvNormal", e.Message, StringComparison.Ordinal);
        var identity = Spd(Tensor.Zeros(DType.Float64, D, D));
        var w = Assert.Throws<DistributionParameterException>(() => Wishart.LogDensity(identity, D - 1.5, identity));
        Assert.Equal(("Wishart", "dof"), (w.Distribution, w.Parameter));
    }

    [Fact]
    public void Float32_plates_agree_with_float64_to_single_precision()
    {
        using var _ = Tensor.NoGrad();
        var x = Input(33, 1, 0, N, D);
        var mean = Input(34, 1, 0, D);
        var cov = Spd(Input(35, 1, 0, D, D));
        var wide = MvNormal.LogDensityFromCovariance(x, mean, cov).ToArray();
        var narrow = MvNormal.LogDensityFromCovariance(x.To(DType.Float32), mean.To(DType.Float32), cov.To(DType.Float32));
        Assert.Equal(DType.Float32, narrow.DType);
        var values = narrow.ToArray();
        for (var n = 0; n < N; n++)
        {
            FixtureTests.Close(wide[n], values[n], $"row {n}", 1e-5);
        }
    }
}
