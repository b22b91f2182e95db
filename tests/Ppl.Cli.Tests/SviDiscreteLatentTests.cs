using System.Globalization;
using System.Text.Json;

namespace Ppl.Cli.Tests;

/// <summary>
/// <c>ppl infer --method svi</c> on a model with a Bernoulli latent: the planner sends it to the
/// score-function estimator, and the trained guide q(z = 1) lands on the exact posterior, found by
/// enumerating z ∈ {0, 1}.
/// </summary>
public sealed class SviDiscreteLatentTests
{
    private const string Model = """
        data x: real[N]
        z ~ Bernoulli(0.3)
        plate n in N { x[n] ~ Normal(2 * z, 1) }
        """;

    private static readonly double[] X = [1.5, 1.1, 1.6];

    private static readonly ulong[] Seeds = [1, 2, 3, 4, 5, 6];

    private static string WriteModel() =>
        CliHarness.WriteModel("switch", Model, $$"""{ "x": [{{string.Join(", ", X)}}] }""");

    /// <summary>p(z = 1 | x) by enumeration: log-odds = logit 0.3 + Σᵢ [log N(xᵢ; 2, 1) − log N(xᵢ; 0, 1)] = logit 0.3 + Σᵢ (2xᵢ − 2).</summary>
    private static double ExactPosterior()
    {
        var logOdds = Math.Log(0.3 / 0.7) + X.Sum(x => 2 * x - 2);
        return 1 / (1 + Math.Exp(-logOdds));
    }

    [Fact]
    public void Svi_recovers_the_exact_posterior_of_a_Bernoulli_latent()
    {
        // At the optimum q = p(z | x), f(z) = log p(x, z) − log q(z) = log p(x) for both values of z, so
        // the estimator is unbiased around the exact posterior; Adam's steps (about lr in the logit) keep
        // each run's final q jittering around it. The runs' mean, over independent seeds, must lie within
        // five standard errors of the exact value, and that error must be small beside the data's pull.
        var model = WriteModel();
        var exact = ExactPosterior();
        var fits = new List<double>();
        foreach (var seed in Seeds)
        {
            var (exit, output, error) = CliHarness.Ppl("infer", model, "--method", "svi", "--steps", "3000",
                "--lr", "0.02", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--json");
            Assert.True(exit == 0, error);

            using var json = JsonDocument.Parse(output);
            Assert.Equal("svi", json.RootElement.GetProperty("method").GetString());
            var z = json.RootElement.GetProperty("posteriors").GetProperty("z");
            Assert.Equal("Bernoulli", z.GetProperty("family").GetString());
            fits.Add(z.GetProperty("parameters").GetProperty("p").GetDouble());
        }

        var mean = fits.Average();
        var standardError = Math.Sqrt(fits.Sum(q => (q - mean) * (q - mean)) / (fits.Count - 1) / fits.Count);
        Assert.True(20 * standardError < Math.Abs(exact - 0.3), $"runs too noisy to tell the posterior from the prior 0.3: se {standardError}");
        Assert.InRange(mean, exact - 5 * standardError, exact + 5 * standardError);
    }

    [Fact]
    public void The_plan_names_the_score_function_estimator()
    {
        var (exit, output, error) = CliHarness.Ppl("explain", WriteModel(), "--method", "svi");
        Assert.True(exit == 0, error);
        Assert.Contains("backend: svi (--method) — because score-function estimator for the discrete latents z", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Poisson_latent_is_refused_naming_the_latent_and_its_family()
    {
        var directory = Directory.CreateTempSubdirectory("ppl-svi-discrete-");
        var model = Path.Combine(directory.FullName, "counts.ppl");
        File.WriteAllText(model, "data x: real[N]\nk ~ Poisson(3)\nplate n in N { x[n] ~ Normal(k, 1) }\n");
        File.WriteAllText(Path.Combine(directory.FullName, "counts.json"), """{ "x": [1.0, 2.0] }""");

        var (exit, _, error) = CliHarness.Ppl("infer", model, "--method", "svi", "--steps", "10");

        Assert.NotEqual(0, exit);
        Assert.Contains("PPL0401", error, StringComparison.Ordinal);
        Assert.Contains("discrete latent k has a Poisson prior", error, StringComparison.Ordinal);
    }
}
