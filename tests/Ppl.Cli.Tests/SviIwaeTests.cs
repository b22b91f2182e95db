using System.Text.Json;

namespace Ppl.Cli.Tests;

/// <summary>
/// <c>ppl infer --method svi --iwae K</c> on a model with a batch plate of local latents: the JSON's
/// <c>iwae</c> is the per-data-point bound (docs/cli.md), and <c>--guide lowrank</c>, which cannot
/// cover latents in a batch plate, is refused with a diagnostic, exit 1 and no stack trace.
/// </summary>
public sealed class SviIwaeTests
{
    private const string Model = """
        data y: real[N]
        plate n in N batch 4 {
          z[n] ~ Normal(0, 1)
          y[n] ~ Normal(z[n], 1)
        }
        """;

    private static readonly double[] Y = [0.3, -1.2, 2.0, 0.7, 1.1, 0.4, -0.3, 0.9];

    private static string WriteModel() =>
        CliHarness.WriteModel("local", Model, $$"""{ "y": [{{string.Join(", ", Y.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}}] }""");

    [Fact]
    public void Json_iwae_of_a_batch_plate_model_is_per_data_point()
    {
        var (exit, output, error) = CliHarness.Ppl("infer", WriteModel(), "--method", "svi", "--steps", "200", "--iwae", "10", "--seed", "3", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var iwae = json.RootElement.GetProperty("iwae");
        Assert.Equal(10, iwae.GetProperty("k").GetInt32());
        Assert.Equal("perDataPoint", iwae.GetProperty("bound").GetString());
        Assert.Equal(Y.Length, iwae.GetProperty("dataPoints").GetInt32());
        var value = iwae.GetProperty("value").GetDouble();
        Assert.Equal(value / Y.Length, iwae.GetProperty("perDataPoint").GetDouble(), 9);
        Assert.Equal(iwae.GetProperty("se").GetDouble() / Y.Length, iwae.GetProperty("perDataPointSe").GetDouble(), 9);
        // A bound on log p(y) = Σ log N(yₙ; 0, √2).
        var logp = Y.Sum(v => -0.5 * Math.Log(4 * Math.PI) - v * v / 4);
        Assert.True(value <= logp + 5 * iwae.GetProperty("se").GetDouble(), $"IWAE {value} > log p {logp}");
    }

    [Fact]
    public void The_report_prints_the_per_data_point_bound()
    {
        var (exit, output, error) = CliHarness.Ppl("infer", WriteModel(), "--method", "svi", "--steps", "200", "--iwae", "10", "--seed", "3");
        Assert.True(exit == 0, error);
        Assert.Contains($"per data point over {Y.Length}", output, StringComparison.Ordinal);
        Assert.Contains("iwae (k = 10): ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lowrank_guide_on_batch_plate_latents_is_refused_with_a_diagnostic_and_no_stack_trace()
    {
        var (exit, output, error) = CliHarness.Ppl("infer", WriteModel(), "--method", "svi", "--guide", "lowrank", "--steps", "10");
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("SVI001", error, StringComparison.Ordinal);
        Assert.Contains("the lowrank guide for 'z', a latent in a batch plate", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}
