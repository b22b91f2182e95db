using Ppl.Inference.Vmp.Factors;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>The one-pass [X y]ᵀ[X y] kernel against a plain triple loop, on every panel and strip shape.</summary>
public sealed class AugmentedGramTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(20, 3, 1)]
    [InlineData(5, 7, 2)]
    [InlineData(333, 8, 2)]
    [InlineData(1000, 15, 1)]
    [InlineData(1000, 23, 2)]
    [InlineData(3001, 50, 1)]
    [InlineData(3001, 50, 2)]
    [InlineData(700, 64, 3)]
    public void Matches_the_triple_loop(int n, int d, int threads)
    {
        var random = new System.Random(n * 131 + d);
        var x = Enumerable.Range(0, n * d).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var gram = AugmentedGram.Compute(x, y, d, threads);
        var size = d + 1;
        Assert.Equal(size * size, gram.Length);
        double Column(int row, int j) => j < d ? x[row * d + j] : y[row];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                double sum = 0, magnitude = 0;
                for (var r = 0; r < n; r++)
                {
                    sum += Column(r, i) * Column(r, j);
                    magnitude += Math.Abs(Column(r, i) * Column(r, j));
                }

                // Round-off of two summation orders: a few ulps of Σ|terms| per term.
                Assert.True(Math.Abs(gram[i * size + j] - sum) <= 1e-15 * n * magnitude + 1e-300,
                    $"G[{i},{j}] = {gram[i * size + j]}, loop {sum}");
                Assert.Equal(gram[i * size + j], gram[j * size + i]);
            }
        }
    }

    [Fact]
    public void Counts_no_rows_as_zero()
    {
        var gram = AugmentedGram.Compute([], [], 4);
        Assert.All(gram, g => Assert.Equal(0, g));
    }

    [Fact]
    public void Rejects_a_design_of_the_wrong_size() =>
        Assert.Throws<ArgumentException>(() => AugmentedGram.Compute(new double[10], new double[3], 4));

    [Theory]
    [InlineData(1000, 10, 1)]
    [InlineData(1001, 10, 2)]
    [InlineData(77, 3, 1)]
    public void Weighted_matches_the_weighted_sums(int n, int d, int threads)
    {
        var random = new System.Random(n + d);
        var x = Enumerable.Range(0, n * d).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var w = Enumerable.Range(0, n).Select(i => i % 7 == 0 ? 0 : random.NextDouble()).ToArray();
        var gram = AugmentedGram.ComputeWeighted(x, w, d, threads);
        var size = d + 1;
        double Column(int row, int j) => j < d ? x[row * d + j] : 1;
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                double sum = 0, magnitude = 0;
                for (var r = 0; r < n; r++)
                {
                    sum += w[r] * Column(r, i) * Column(r, j);
                    magnitude += Math.Abs(w[r] * Column(r, i) * Column(r, j));
                }

                // The √w scaling adds a rounding per factor: still a few ulps of Σ|terms| per term.
                Assert.True(Math.Abs(gram[i * size + j] - sum) <= 1e-15 * n * magnitude + 1e-300,
                    $"G[{i},{j}] = {gram[i * size + j]}, loop {sum}");
            }
        }
    }
}
