using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Random;

public sealed class StreamTests
{
    [Fact]
    public void Equal_seeds_give_equal_streams_of_every_kind()
    {
        static double[] Run(ulong seed)
        {
            var source = new RandomSource(seed);
            var values = new List<double> { source.NextGamma(0.4), source.NextBeta(2, 3), source.NextPoisson(50), source.NextBinomial(400, 0.3) };
            var normals = new float[1001];
            source.FillNormal(normals);
            values.AddRange(normals.Select(x => (double)x));
            var child = source.Split();
            values.Add(child.NextDouble());
            values.Add(source.NextDouble());
            return [.. values];
        }
        Assert.Equal(Run(99), Run(99));
        Assert.NotEqual(Run(99), Run(100));
    }

    [Fact]
    public void Split_streams_are_uncorrelated_with_each_other_and_their_parent()
    {
        const int n = 100_000;
        var parent = new RandomSource(12345);
        var first = parent.Split();
        var second = parent.Split();
        var a = new double[n];
        var b = new double[n];
        var c = new double[n];
        first.FillUniform(a);
        second.FillUniform(b);
        parent.FillUniform(c);
        // Under independence the sample correlation has SE 1/√n.
        var bound = SampleStatistics.Tolerance / Math.Sqrt(n);
        Assert.InRange(SampleStatistics.Correlation(a, b), -bound, bound);
        Assert.InRange(SampleStatistics.Correlation(a, c), -bound, bound);
        Assert.InRange(SampleStatistics.Correlation(b, c), -bound, bound);
        Assert.InRange(SampleStatistics.Correlation(a.AsSpan(1).ToArray(), a.AsSpan(0, n - 1).ToArray()), -bound, bound);
    }
}
