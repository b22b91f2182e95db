using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Random;

public sealed class DiscreteSamplerTests
{
    private const int N = 200_000;

    /// <summary>Unnormalised (sum 2), with a zero weight that must never be drawn.</summary>
    private static readonly double[] Weights = [0.2, 0.4, 0, 0.6, 0.1, 0.7];

    public static TheoryData<string> Cases => new(CaseTable.Keys);

    /// <summary>Each discrete sampler against its pmf (χ² goodness of fit), by regime.</summary>
    private static readonly Dictionary<string, (Func<RandomSource, int> Draw, Func<int, double> Pmf, int Support)> CaseTable = new()
    {
        ["poisson 0.7 (multiplication)"] = (r => r.NextPoisson(0.7), k => PoissonPmf(0.7, k), 30),
        ["poisson 9.5 (multiplication)"] = (r => r.NextPoisson(9.5), k => PoissonPmf(9.5, k), 60),
        ["poisson 10 (PTRS)"] = (r => r.NextPoisson(10), k => PoissonPmf(10, k), 60),
        ["poisson 240.5 (PTRS)"] = (r => r.NextPoisson(240.5), k => PoissonPmf(240.5, k), 600),
        ["binomial 20 0.3 (inversion)"] = (r => r.NextBinomial(20, 0.3), k => BinomialPmf(20, 0.3, k), 21),
        ["binomial 30 0.9 (inversion, mirrored)"] = (r => r.NextBinomial(30, 0.9), k => BinomialPmf(30, 0.9, k), 31),
        ["binomial 100 0.25 (BTRS)"] = (r => r.NextBinomial(100, 0.25), k => BinomialPmf(100, 0.25, k), 101),
        ["binomial 5000 0.6 (BTRS, mirrored)"] = (r => r.NextBinomial(5000, 0.6), k => BinomialPmf(5000, 0.6, k), 5001),
        ["bernoulli 0.23"] = (r => r.NextBernoulli(0.23) ? 1 : 0, k => k == 1 ? 0.23 : 0.77, 2),
        ["categorical"] = (r => r.NextCategorical(Weights), k => Weights[k] / 2.0, Weights.Length),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Draws_fit_the_pmf(string name)
    {
        var (draw, pmf, support) = CaseTable[name];
        var source = new RandomSource(42);
        var counts = new long[support];
        for (var i = 0; i < N; i++)
        {
            var k = draw(source);
            Assert.InRange(k, 0, support - 1);
            counts[k]++;
        }
        var probabilities = Enumerable.Range(0, support).Select(pmf).ToArray();
        var (statistic, df) = SampleStatistics.ChiSquare(counts, probabilities, N);
        Assert.True(statistic < SampleStatistics.ChiSquareCritical(df), $"{name}: X² = {statistic} on {df} df");
        for (var k = 0; k < support; k++)
        {
            if (probabilities[k] == 0)
            {
                Assert.Equal(0, counts[k]);
            }
        }
    }

    [Fact]
    public void Bulk_fills_match_their_parameters()
    {
        var source = new RandomSource(8);
        var bits = new double[N];
        source.FillBernoulli(bits, 0.35);
        Assert.All(bits, x => Assert.True(x is 0 or 1));
        SampleStatistics.AssertMoments(bits, 0.35, 0.35 * 0.65, 0.35 * 0.65 * (1 - 3 * 0.35 * 0.65), "bernoulli f64");
        var single = new float[N];
        source.FillBernoulli(single, 0.9);
        SampleStatistics.AssertMoments(Array.ConvertAll(single, x => (double)x), 0.9, 0.09, 0.09 * (1 - 0.27), "bernoulli f32");
        var counts = new int[N];
        source.FillPoisson(counts, 33);
        SampleStatistics.AssertMoments(Array.ConvertAll(counts, x => (double)x), 33, 33, 33 + 3 * 33 * 33, "poisson");
        var categories = new int[N];
        source.FillCategorical(categories, Weights);
        SampleStatistics.AssertMoments(Array.ConvertAll(categories, x => x == 3 ? 1.0 : 0.0), 0.3, 0.21, 0.21 * (1 - 3 * 0.21), "category 3");
    }

    [Fact]
    public void Degenerate_parameters_give_certain_outcomes()
    {
        var source = new RandomSource(2);
        Assert.Equal(0, source.NextPoisson(0));
        Assert.Equal(0, source.NextBinomial(0, 0.5));
        Assert.Equal(0, source.NextBinomial(17, 0));
        Assert.Equal(17, source.NextBinomial(17, 1));
        Assert.False(source.NextBernoulli(0));
        Assert.True(source.NextBernoulli(1));
        Assert.Equal(2, source.NextCategorical([0.0, 0.0, 3.0]));
    }

    [Fact]
    public void Invalid_parameters_are_rejected()
    {
        var source = new RandomSource(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextPoisson(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextBinomial(-1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextBinomial(3, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextBernoulli(double.NaN));
        Assert.Throws<ArgumentException>(() => source.NextCategorical([0.0, 0.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextCategorical([0.5, -0.1]));
    }

    private static double PoissonPmf(double rate, int k) => Math.Exp(-rate + k * Math.Log(rate) - SampleStatistics.LogFactorial(k));

    private static double BinomialPmf(int n, double p, int k) => Math.Exp(
        SampleStatistics.LogFactorial(n) - SampleStatistics.LogFactorial(k) - SampleStatistics.LogFactorial(n - k)
        + k * Math.Log(p) + (n - k) * Math.Log(1 - p));
}
