namespace Ppl.Inference.Tests.Svi;

/// <summary>A NaN ELBO stops training with the site and the step; unsupported guides are refused.</summary>
public sealed class BadElboTests
{
    [Fact]
    public void A_negative_scale_stops_training_naming_the_site()
    {
        // s has a Normal prior, so the guide draws negative values, whose log is NaN.
        const string model = """
            data y: real[N]
            s ~ Normal(0, 1)
            y ~ Normal(log(s), 1)
            """;
        var e = Assert.Throws<InferenceException>(() =>
            SviPipeline.Run(model, [SviPipeline.Real("y", [0.5, -0.2, 1.0], 3)], new InferenceOptions { Steps = 200 }));
        Assert.Equal("SVI002", e.Diagnostics[0].Code);
        Assert.Contains("'y'", e.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("at step", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unavailable_guide_is_a_diagnostic()
    {
        const string model = """
            data y: real[N]
            mu ~ Normal(0, 1)
            y ~ Normal(mu, 1)
            """;
        var e = Assert.Throws<InferenceException>(() =>
            SviPipeline.Run(model, [SviPipeline.Real("y", [0.5], 1)], new InferenceOptions { Guide = "flow" }));
        Assert.Equal("SVI001", e.Diagnostics[0].Code);
        Assert.Contains("flow", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
