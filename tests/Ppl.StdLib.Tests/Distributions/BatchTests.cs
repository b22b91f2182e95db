using Ppl.StdLib.Distributions;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>The span-based log-densities over a plate equal the per-point double API, shared or per-point parameters.</summary>
public sealed class BatchTests
{
    private const int N = 37; // not a multiple of any SIMD width

    private static double[] Draw(RandomSource r, Func<RandomSource, double> f) => Enumerable.Range(0, N).Select(_ => f(r)).ToArray();

    [Fact]
    public void Normal_gamma_poisson_bernoulli_batches_equal_single_points()
    {
        var r = new RandomSource(5);
        var x = Draw(r, s => 3 * s.NextNormal());
        var means = Draw(r, s => s.NextNormal());
        var sds = Draw(r, s => 0.2 + s.NextDouble());
        var result = new double[N];

        Normal.LogDensities(x, means, sds, result);
        Check(result, "case 1", i => new Normal(means[i], sds[i]).LogDensity(x[i]));
        Normal.LogDensities(x, [0.5], [1.7], result);
        Check(result, "case 2", i => new Normal(0.5, 1.7).LogDensity(x[i]));
        Normal.LogDensities(x, means, [0.3], result);
        Check(result, "case 3", i => new Normal(means[i], 0.3).LogDensity(x[i]));

        var positive = Draw(r, s => 0.01 + 5 * s.NextDouble());
        var rates = Draw(r, s => 0.1 + s.NextDouble());
        Gamma.LogDensities(positive, 2.5, rates, result);
        Check(result, "case 4", i => new Gamma(2.5, rates[i]).LogDensity(positive[i]));
        Gamma.LogDensities(positive, 0.4, [3], result);
        Check(result, "case 5", i => new Gamma(0.4, 3).LogDensity(positive[i]));

        var counts = Draw(r, s => s.NextPoisson(4));
        Poisson.LogDensities(counts, rates, result);
        Check(result, "case 6", i => new Poisson(rates[i]).LogDensity(counts[i]));

        var bits = Draw(r, s => s.NextBernoulli(0.4) ? 1 : 0);
        var logits = Draw(r, s => 4 * s.NextNormal());
        Bernoulli.LogDensitiesFromLogits(bits, logits, result);
        Check(result, "case 7", i => Bernoulli.FromLogits(logits[i]).LogDensity(bits[i]));
        var pixels = Draw(r, s => s.NextDouble());
        Bernoulli.LogDensities(pixels, [0.3], result);
        Check(result, "case 8", i => new Bernoulli(0.3).LogDensity(pixels[i]));
    }

    [Fact]
    public void Categorical_and_mvnormal_batches_equal_single_points()
    {
        var r = new RandomSource(6);
        var table = new double[N * 3];
        var rows = new Categorical[N];
        for (var i = 0; i < N; i++)
        {
            rows[i] = Categorical.FromLogits([r.NextNormal(), r.NextNormal(), r.NextNormal()]);
            rows[i].LogProbabilities.CopyTo(table.AsSpan(i * 3));
        }
        var z = Enumerable.Range(0, N).Select(_ => r.NextInt(3)).ToArray();
        var result = new double[N];
        Categorical.LogDensities(z, table, 3, result);
        Check(result, "case 9", i => rows[i].LogDensity(z[i]));

        var mv = new MvNormal([1, -1, 0.5], [2, 0.3, 0.1, 0.3, 1, -0.2, 0.1, -0.2, 0.5]);
        var points = Enumerable.Range(0, N * 3).Select(_ => r.NextNormal()).ToArray();
        mv.LogDensities(points, [], result);
        Check(result, "case 10", i => mv.LogDensity(points.AsSpan(i * 3, 3)));
        var means = Enumerable.Range(0, N * 3).Select(_ => r.NextNormal()).ToArray();
        mv.LogDensities(points, means, result);
        Check(result, "case 11", i => new MvNormal(means.AsSpan(i * 3, 3), mv.Covariance).LogDensity(points.AsSpan(i * 3, 3)));
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var result = new double[3];
        Assert.Throws<ArgumentException>(() => Normal.LogDensities([1, 2, 3], [0, 0], [1], result));
        Assert.Throws<ArgumentException>(() => Normal.LogDensities([1, 2, 3], [0], [1], new double[2]));
    }

    private static void Check(double[] batch, string what, Func<int, double> single)
    {
        for (var i = 0; i < N; i++)
        {
            FixtureTests.Close(single(i), batch[i], $"{what}, point {i}", 1e-13);
        }
    }
}
