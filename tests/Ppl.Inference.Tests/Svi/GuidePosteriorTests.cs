using Ppl.Inference.Svi;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// The automatic guide reports its own family: Normal(loc, scale) for a real latent, LogNormal for a
/// positive one (exact push-forward of N through exp), LogitNormal for a probability, Delta for MAP;
/// the closed-form summaries agree with Monte Carlo draws of the same family.
/// </summary>
public sealed class GuidePosteriorTests
{
    private const string Model = """
        data y: real[N]
        mu ~ Normal(0, 10)
        s ~ Gamma(2, 1)
        p ~ Beta(2, 2)
        y ~ Normal(mu + p, s)
        """;

    private static readonly double[] Y = [0.3, -1.2, 2.0, 0.7, 1.1, 0.4, 0.9];

    [Fact]
    public void Automatic_guide_latents_are_reported_in_the_guide_family_with_closed_form_summaries()
    {
        var result = SviPipeline.Run(Model, [SviPipeline.Real("y", Y, Y.Length)],
            new InferenceOptions { Seed = 2, Steps = 300, DoublePrecision = true });

        var mu = result.Posterior("mu")!;
        Assert.Equal("Normal", mu.Family);
        Assert.Equal("analytic", mu.Summary);
        Assert.Equal(mu.Parameters["loc"].Values[0], mu.Mean.Values[0]);
        Assert.Equal(mu.Parameters["scale"].Values[0], mu.Sd.Values[0]);
        Assert.Equal(mu.Mean.Values[0] + 1.6448536269514722 * mu.Sd.Values[0], mu.Q95.Values[0], 12);

        var s = result.Posterior("s")!;
        Assert.Equal("LogNormal", s.Family);
        Assert.Equal("analytic", s.Summary);
        double m = s.Parameters["loc"].Values[0], v = s.Parameters["scale"].Values[0];
        Assert.Equal(Math.Exp(m + v * v / 2), s.Mean.Values[0], 12);
        Assert.Equal(Math.Exp(m), s.Q50.Values[0], 12);

        var p = result.Posterior("p")!;
        Assert.Equal("LogitNormal", p.Family);
        Assert.Equal("quadrature", p.Summary);
        Assert.Equal(1 / (1 + Math.Exp(-p.Parameters["loc"].Values[0])), p.Q50.Values[0], 12);
    }

    [Fact]
    public void Delta_guide_reports_a_point()
    {
        var result = SviPipeline.Run(Model, [SviPipeline.Real("y", Y, Y.Length)],
            new InferenceOptions { Seed = 2, Steps = 100, Guide = "delta", DoublePrecision = true });
        var s = result.Posterior("s")!;
        Assert.Equal("Delta", s.Family);
        Assert.Equal(0, s.Sd.Values[0]);
        Assert.Equal(s.Parameters["value"].Values[0], s.Mean.Values[0]);
    }

    [Theory]
    [InlineData(LatentTransform.Exp, 0.0, 1.0)]
    [InlineData(LatentTransform.Exp, 1.5, 0.3)]
    [InlineData(LatentTransform.Exp, -2.0, 0.8)]
    [InlineData(LatentTransform.Sigmoid, 0.0, 1.0)]
    [InlineData(LatentTransform.Sigmoid, 1.5, 0.3)]
    [InlineData(LatentTransform.Sigmoid, -2.0, 2.5)]
    internal void Closed_form_and_quadrature_moments_match_draws(LatentTransform transform, double loc, double scale)
    {
        const int draws = 200_000;
        var random = new RandomSource(17);
        {
            var x = new double[draws];
            for (var i = 0; i < draws; i++)
            {
                var u = loc + scale * random.NextNormal();
                x[i] = transform == LatentTransform.Exp ? Math.Exp(u) : 1 / (1 + Math.Exp(-u));
            }
            var mean = x.Average();
            var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (draws - 1));
            var summary = GuidePosterior.Summarise("x", [], transform, [loc], [scale]);
            // 5 Monte Carlo standard errors: SE(mean) = sd/√n; SE(sd) ≈ √((μ₄ − σ⁴)/n)/(2σ) by the delta method.
            var seMean = sd / Math.Sqrt(draws);
            Assert.InRange(summary.Mean.Values[0], mean - 5 * seMean, mean + 5 * seMean);
            var fourth = x.Sum(v => Math.Pow(v - mean, 4)) / draws;
            var seSd = Math.Sqrt((fourth - Math.Pow(sd, 4)) / draws) / (2 * sd);
            Assert.InRange(summary.Sd.Values[0], sd - 5 * seSd, sd + 5 * seSd);
        }
    }
}
