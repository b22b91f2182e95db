using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Random;

public sealed class ContinuousSamplerTests
{
    private const int N = 200_000;

    /// <summary>One case per family and regime: draws, mean, variance, fourth central moment.</summary>
    public static TheoryData<string> Cases => new(CaseTable.Keys);

    private static readonly Dictionary<string, (Func<RandomSource, double[]> Draw, double Mean, double Variance, double Mu4)> CaseTable = new()
    {
        ["gamma 0.3"] = (r => Scalar(r, s => s.NextGamma(0.3)), 0.3, 0.3, Gamma4(0.3)),
        ["gamma 1"] = (r => Scalar(r, s => s.NextGamma(1)), 1, 1, Gamma4(1)),
        ["gamma 4.5"] = (r => Scalar(r, s => s.NextGamma(4.5)), 4.5, 4.5, Gamma4(4.5)),
        ["gamma 200"] = (r => Scalar(r, s => s.NextGamma(200)), 200, 200, Gamma4(200)),
        ["beta 0.5 0.5"] = (r => Scalar(r, s => s.NextBeta(0.5, 0.5)), 0.5, BetaVariance(0.5, 0.5), Beta4(0.5, 0.5)),
        ["beta 2 5"] = (r => Scalar(r, s => s.NextBeta(2, 5)), 2.0 / 7, BetaVariance(2, 5), Beta4(2, 5)),
        ["beta 0.2 3"] = (r => Scalar(r, s => s.NextBeta(0.2, 3)), 0.2 / 3.2, BetaVariance(0.2, 3), Beta4(0.2, 3)),
        ["exponential"] = (r => Scalar(r, s => s.NextExponential()), 1, 1, 9),
        ["normal"] = (r => Scalar(r, s => s.NextNormal()), 0, 1, 3),
        ["fill uniform f64 [-1, 3)"] = (r => Fill(r, (s, d) => s.FillUniform(d, -1.0, 3.0)), 1, 16.0 / 12, 256.0 / 80),
        ["fill uniform f32"] = (r => FillSingle(r, (s, d) => s.FillUniform(d)), 0.5, 1.0 / 12, 1.0 / 80),
        ["fill normal f64 (2, 3)"] = (r => Fill(r, (s, d) => s.FillNormal(d, 2, 3)), 2, 9, 3 * 81),
        ["fill normal f32 (-1, 0.5)"] = (r => FillSingle(r, (s, d) => s.FillNormal(d, -1f, 0.5f)), -1, 0.25, 3 * 0.0625),
        ["fill normal f64 odd length"] = (r => Fill(r, (s, d) => s.FillNormal(d.Slice(0, N - 1))).AsSpan(0, N - 1).ToArray(), 0, 1, 3),
        ["fill exponential f64"] = (r => Fill(r, (s, d) => s.FillExponential(d)), 1, 1, 9),
        ["fill exponential f32"] = (r => FillSingle(r, (s, d) => s.FillExponential(d)), 1, 1, 9),
        ["fill gamma f32 2.5"] = (r => FillSingle(r, (s, d) => s.FillGamma(d, 2.5)), 2.5, 2.5, Gamma4(2.5)),
        ["fill gamma f64 0.1"] = (r => Fill(r, (s, d) => s.FillGamma(d, 0.1)), 0.1, 0.1, Gamma4(0.1)),
        ["fill beta f64 3 3"] = (r => Fill(r, (s, d) => s.FillBeta(d, 3, 3)), 0.5, BetaVariance(3, 3), Beta4(3, 3)),
        ["fill beta f32 0.5 2"] = (r => FillSingle(r, (s, d) => s.FillBeta(d, 0.5, 2)), 0.2, BetaVariance(0.5, 2), Beta4(0.5, 2)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_moments_match_the_closed_forms(string name)
    {
        var (draw, mean, variance, mu4) = CaseTable[name];
        var draws = draw(new RandomSource(20261121));
        SampleStatistics.AssertMoments(draws, mean, variance, mu4, name);
    }

    [Fact]
    public void Bulk_normals_have_the_normal_tail_mass_beyond_two_sd()
    {
        // P(|Z| > 2) = erfc(√2) = 0.04550026389635842.
        const double tail = 0.04550026389635842;
        foreach (var single in new[] { false, true })
        {
            var draws = single
                ? FillSingle(new RandomSource(7), (s, d) => s.FillNormal(d))
                : Fill(new RandomSource(7), (s, d) => s.FillNormal(d));
            var fraction = draws.Count(z => Math.Abs(z) > 2) / (double)draws.Length;
            var error = Math.Sqrt(tail * (1 - tail) / draws.Length);
            Assert.True(Math.Abs(fraction - tail) <= SampleStatistics.Tolerance * error, $"single={single}: {fraction}");
            Assert.All(draws, z => Assert.True(double.IsFinite(z)));
        }
    }

    [Fact]
    public void Bulk_normal_pairs_are_uncorrelated()
    {
        // Box–Muller's two outputs of a pair land at i and i + 128 within a block.
        var draws = Fill(new RandomSource(11), (s, d) => s.FillNormal(d));
        var first = new List<double>();
        var second = new List<double>();
        for (var block = 0; block + 256 <= draws.Length; block += 256)
        {
            for (var i = 0; i < 128; i++)
            {
                first.Add(draws[block + i] * draws[block + i]);
                second.Add(draws[block + 128 + i] * draws[block + 128 + i]);
            }
        }
        var r = SampleStatistics.Correlation(first.ToArray(), second.ToArray());
        Assert.True(Math.Abs(r) < SampleStatistics.Tolerance / Math.Sqrt(first.Count), $"correlation of squares {r}");
    }

    [Fact]
    public void Dirichlet_draws_lie_on_the_simplex_with_the_right_moments()
    {
        double[] alpha = [0.5, 2, 7.5];
        var total = alpha.Sum();
        var draws = new double[N * alpha.Length];
        new RandomSource(3).FillDirichlet(draws, alpha);
        for (var row = 0; row < N; row++)
        {
            Assert.Equal(1.0, draws[row * 3] + draws[row * 3 + 1] + draws[row * 3 + 2], 12);
        }
        for (var i = 0; i < alpha.Length; i++)
        {
            var component = Enumerable.Range(0, N).Select(row => draws[row * 3 + i]).ToArray();
            var b = total - alpha[i];
            // Each marginal is Beta(αᵢ, α₀ − αᵢ).
            SampleStatistics.AssertMoments(component, alpha[i] / total, BetaVariance(alpha[i], b), Beta4(alpha[i], b), $"component {i}");
        }
    }

    [Fact]
    public void Tiny_concentrations_do_not_underflow_to_nan()
    {
        var source = new RandomSource(5);
        Span<double> draw = stackalloc double[4];
        double[] alpha = [1e-3, 1e-3, 1e-3, 1e-3];
        var hits = new double[4];
        for (var t = 0; t < 20_000; t++)
        {
            source.NextDirichlet(alpha, draw);
            foreach (var x in draw)
            {
                Assert.True(x is >= 0 and <= 1);
            }
            for (var i = 0; i < 4; i++)
            {
                hits[i] += draw[i];
            }
        }
        // E[xᵢ] = ¼ each; the draws are near-vertices, so each mean has SE ≈ √(3/16 / n).
        Assert.All(hits, h => Assert.InRange(h / 20_000, 0.25 - 5 * Math.Sqrt(0.1875 / 20_000), 0.25 + 5 * Math.Sqrt(0.1875 / 20_000)));
        var beta = Scalar(source, s => s.NextBeta(1e-3, 2e-3));
        Assert.All(beta, x => Assert.True(x is >= 0 and <= 1));
    }

    [Fact]
    public void Invalid_parameters_are_rejected()
    {
        var source = new RandomSource(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextGamma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextGamma(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.NextBeta(1, -1));
        Assert.Throws<ArgumentException>(() => source.NextDirichlet([1.0, 2.0], new double[3]));
        Assert.Throws<ArgumentException>(() => source.FillDirichlet(new double[5], [1.0, 2.0]));
    }

    private delegate void FillDoubles(RandomSource source, Span<double> destination);

    private delegate void FillSingles(RandomSource source, Span<float> destination);

    private static double Gamma4(double k) => 3 * k * k + 6 * k;

    private static double BetaVariance(double a, double b) => a * b / ((a + b) * (a + b) * (a + b + 1));

    /// <summary>μ₄ = σ⁴ (3 + excess), excess = 6[(a−b)²(a+b+1) − ab(a+b+2)] / [ab(a+b+2)(a+b+3)].</summary>
    private static double Beta4(double a, double b)
    {
        var variance = BetaVariance(a, b);
        var excess = 6 * ((a - b) * (a - b) * (a + b + 1) - a * b * (a + b + 2)) / (a * b * (a + b + 2) * (a + b + 3));
        return variance * variance * (3 + excess);
    }

    private static double[] Scalar(RandomSource source, Func<RandomSource, double> draw)
    {
        var draws = new double[N];
        for (var i = 0; i < N; i++)
        {
            draws[i] = draw(source);
        }
        return draws;
    }

    private static double[] Fill(RandomSource source, FillDoubles fill)
    {
        var draws = new double[N];
        fill(source, draws);
        return draws;
    }

    private static double[] FillSingle(RandomSource source, FillSingles fill)
    {
        var draws = new float[N];
        fill(source, draws);
        return Array.ConvertAll(draws, x => (double)x);
    }
}
