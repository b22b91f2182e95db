using Ppl.Inference.Vmp.Gmm;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>The blocked, two-core farthest-point start against the definition run point by point on the row-major data.</summary>
public sealed class FarthestPointStartTests
{
    /// <summary>Farthest-point indices as written: a seeded first point, then the first point of largest distance to the nearest centre.</summary>
    private static int[] Naive(double[] x, int n, int d, int k, ulong seed)
    {
        var centres = new List<int> { new RandomSource(seed).NextInt(n) };
        var nearest = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        while (centres.Count < k)
        {
            var best = 0;
            for (var i = 0; i < n; i++)
            {
                double distance = 0;
                for (var j = 0; j < d; j++)
                {
                    var difference = x[i * d + j] - x[centres[^1] * d + j];
                    distance += difference * difference;
                }

                nearest[i] = Math.Min(nearest[i], distance);
                if (nearest[i] > nearest[best])
                {
                    best = i;
                }
            }

            centres.Add(best);
        }

        return [.. centres];
    }

    [Theory]
    [InlineData(5003, 4, 6, 1UL)]
    [InlineData(5003, 10, 8, 2UL)]
    [InlineData(300, 3, 5, 3UL)]
    [InlineData(9000, 1, 3, 4UL)]
    public void Picks_the_same_points_as_the_definition(int n, int d, int k, ulong seed)
    {
        var random = new RandomSource(seed + 100);
        var x = Enumerable.Range(0, n * d).Select(_ => random.NextNormal() * (1 + random.NextDouble())).ToArray();
        var sweep = new MixtureSweep(x, n, d, k);
        var centres = FarthestPointStart.Centres(sweep, n, d, k, new RandomSource(seed));
        var expected = Naive(x, n, d, k, seed);
        for (var c = 0; c < k; c++)
        {
            Assert.Equal(x.AsSpan(expected[c] * d, d).ToArray(), centres.AsSpan(c * d, d).ToArray());
        }
    }

    [Fact]
    public void Assigns_each_point_to_its_nearest_centre()
    {
        const int n = 5000;
        const int d = 2;
        const int k = 3;
        var random = new RandomSource(9);
        var x = Enumerable.Range(0, n * d).Select(_ => 10 * random.NextDouble()).ToArray();
        var sweep = new MixtureSweep(x, n, d, k);
        double[] centres = [1, 1, 5, 5, 9, 2];
        var labels = new double[n * k];
        sweep.Assign(centres, labels);
        var counts = new double[k];
        for (var i = 0; i < n; i++)
        {
            var nearest = Enumerable.Range(0, k).MinBy(c => Math.Pow(x[i * d] - centres[c * d], 2) + Math.Pow(x[i * d + 1] - centres[c * d + 1], 2));
            for (var c = 0; c < k; c++)
            {
                Assert.Equal(c == nearest ? 1 : 0, labels[i * k + c]);
            }

            counts[nearest]++;
        }

        Assert.Equal(counts, sweep.Counts);
    }
}
