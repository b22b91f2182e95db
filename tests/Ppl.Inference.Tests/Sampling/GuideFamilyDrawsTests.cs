using Ppl.Inference.Results;
using Ppl.Inference.Sampling;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Sampling;

/// <summary>
/// Posterior draws of the families SVI's guides report (parameters named loc/scale, value, p):
/// each drawn from its own family, never from the Normal stand-in with the reported mean and sd.
/// </summary>
public sealed class GuideFamilyDrawsTests
{
    private const int Count = 20_000;

    private static NdArray Nd(params double[] values) => new([values.Length], values);

    private static Posterior Reported(string family, Dictionary<string, NdArray> parameters, double[] mean, double[] sd) =>
        new("v", family, parameters, Nd(mean), Nd(sd), Nd(mean), Nd(mean), Nd(mean));

    [Fact]
    public void LogNormal_draws_are_positive_and_their_logs_have_loc_and_scale()
    {
        // A heavy LogNormal: its mean and sd alone (the stand-in) would give many negative draws.
        double[] loc = [0.5, -1.0], scale = [1.2, 0.3];
        var mean = loc.Select((m, i) => Math.Exp(m + scale[i] * scale[i] / 2)).ToArray();
        var sd = loc.Select((m, i) => mean[i] * Math.Sqrt(Math.Exp(scale[i] * scale[i]) - 1)).ToArray();
        var posterior = Reported("LogNormal", new() { ["loc"] = Nd(loc), ["scale"] = Nd(scale) }, mean, sd);

        var draws = PosteriorDraws.Draw(posterior, Count, new RandomSource(7));

        for (var i = 0; i < 2; i++)
        {
            var logs = draws.Select(d => Math.Log(d[i])).ToArray();
            Assert.All(draws, d => Assert.True(d[i] > 0));
            // log x ~ Normal(loc, scale): the sample mean within 5 standard errors scale/√n.
            Assert.InRange(logs.Average() - loc[i], -5 * scale[i] / Math.Sqrt(Count), 5 * scale[i] / Math.Sqrt(Count));
        }
    }

    [Fact]
    public void LogitNormal_draws_lie_in_the_unit_interval_with_logits_centred_at_loc()
    {
        double[] loc = [1.5], scale = [0.8];
        var posterior = Reported("LogitNormal", new() { ["loc"] = Nd(loc), ["scale"] = Nd(scale) }, [0.8], [0.1]);

        var draws = PosteriorDraws.Draw(posterior, Count, new RandomSource(11));

        Assert.All(draws, d => Assert.InRange(d[0], 0.0, 1.0));
        var logits = draws.Select(d => Math.Log(d[0] / (1 - d[0]))).ToArray();
        Assert.InRange(logits.Average() - loc[0], -5 * scale[0] / Math.Sqrt(Count), 5 * scale[0] / Math.Sqrt(Count));
    }

    [Fact]
    public void Delta_draws_are_the_value_and_Bernoulli_draws_are_zero_or_one_with_probability_p()
    {
        var delta = Reported("Delta", new() { ["value"] = Nd(2.5) }, [2.5], [0]);
        Assert.All(PosteriorDraws.Draw(delta, 10, new RandomSource(1)), d => Assert.Equal(2.5, d[0]));

        const double p = 0.3;
        var bernoulli = Reported("Bernoulli", new() { ["p"] = Nd(p) }, [p], [Math.Sqrt(p * (1 - p))]);
        var draws = PosteriorDraws.Draw(bernoulli, Count, new RandomSource(3));
        Assert.All(draws, d => Assert.True(d[0] is 0 or 1));
        var se = Math.Sqrt(p * (1 - p) / Count);
        Assert.InRange(draws.Average(d => d[0]) - p, -5 * se, 5 * se);
    }
}
