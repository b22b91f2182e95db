using Ppl.Inference.Em;
using Ppl.Inference.Vmp.Gmm;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>The blocked centred statistics against the sums written out point by point.</summary>
public sealed class CentredStatisticsTests
{
    [Theory]
    [InlineData(1, 256, 0)]
    [InlineData(2, 37, 256)]
    [InlineData(3, 256, 512)]
    [InlineData(5, 5, 768)]
    [InlineData(10, 200, 256)]
    [InlineData(11, 256, 0)]
    [InlineData(16, 129, 512)]
    public void Match_the_sums_point_by_point(int d, int count, int start)
    {
        const int n = 1000;
        var random = new RandomSource((ulong)(d * 1000 + count));
        var x = new double[n * d];
        for (var e = 0; e < x.Length; e++)
        {
            x[e] = 5 + 2 * random.NextNormal();
        }

        var xt = GaussianFullKernels.Transpose(x, n, d);
        var stride = GaussianFullKernels.Stride(n);
        var mean = Enumerable.Range(0, d).Select(j => 4.5 + 0.1 * j).ToArray();
        var weight = new double[GaussianFullKernels.Block];
        for (var v = 0; v < weight.Length; v++)
        {
            // Junk past count, as the normalisation leaves it: the kernel must ignore it.
            weight[v] = v < count ? random.NextDouble() : 7;
        }

        var sums = new double[d];
        var scatter = new double[d * d];
        var block = GaussianFullKernels.Block;
        var total = CentredStatistics.Add(xt, stride, d, start, count, weight, mean, new double[d * block], sums, scatter);

        double expectedTotal = 0;
        var expectedSums = new double[d];
        var expectedScatter = new double[d * d];
        for (var v = 0; v < count; v++)
        {
            var row = start + v;
            expectedTotal += weight[v];
            for (var i = 0; i < d; i++)
            {
                expectedSums[i] += weight[v] * (x[row * d + i] - mean[i]);
                for (var j = 0; j <= i; j++)
                {
                    expectedScatter[i * d + j] += weight[v] * (x[row * d + i] - mean[i]) * (x[row * d + j] - mean[j]);
                }
            }
        }

        // Sums of ≤ 256 terms of size ≤ ~100 in a different order: agreement to ~1e-12 relative.
        Assert.Equal(expectedTotal, total, 1e-12 * count);
        for (var i = 0; i < d; i++)
        {
            Assert.Equal(expectedSums[i], sums[i], 1e-11 * count);
            for (var j = 0; j < d; j++)
            {
                Assert.Equal(expectedScatter[i * d + j], scatter[i * d + j], 1e-11 * count);
            }
        }
    }

    [Fact]
    public void A_block_of_zero_weights_adds_nothing()
    {
        const int d = 3;
        var xt = GaussianFullKernels.Transpose(Enumerable.Range(0, 300 * d).Select(i => (double)i).ToArray(), 300, d);
        var sums = new double[d];
        var scatter = new double[d * d];
        var block = GaussianFullKernels.Block;
        var total = CentredStatistics.Add(xt, GaussianFullKernels.Stride(300), d, 256, 44, new double[block], new double[d],
            new double[d * block], sums, scatter);
        Assert.Equal(0, total);
        Assert.All(sums, s => Assert.Equal(0, s));
        Assert.All(scatter, s => Assert.Equal(0, s));
    }
}
