using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ppl.Cli.Commands;

namespace Ppl.Cli.Tests;

/// <summary><c>ppl sample</c>: forward sampling from the prior, draws from a backend's posterior, CSV and JSON.</summary>
public sealed class SampleCommandTests
{
    private const string RegressionModel = "data y: real[N]\nmu ~ Normal(3, 2)\ns ~ Gamma(2, 1)\nplate n in N { y[n] ~ Normal(mu, s) }\n";

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(SampleCommand.Create(StandInBackend.Registry()));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(root, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string WriteRegression()
    {
        var directory = Directory.CreateTempSubdirectory("ppl-sample-");
        var model = Path.Combine(directory.FullName, "reg.ppl");
        File.WriteAllText(model, RegressionModel);
        File.WriteAllText(Path.Combine(directory.FullName, "reg.json"), """{ "y": [1.0, 2.0, 3.0] }""");
        return model;
    }

    private static List<double[]> Rows(string csv, out string[] header)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
    }

    [Fact]
    public void Prior_draws_are_csv_with_one_column_per_scalar_and_the_prior_moments()
    {
        var (exit, output, error) = Run("sample", WriteRegression(), "-n", "4000", "--seed", "3");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        var rows = Rows(output, out var header);
        Assert.Equal(["mu", "s", "y.0", "y.1", "y.2"], header);
        Assert.Equal(4000, rows.Count);
        // E[mu] = 3, sd 2: within 5 Monte Carlo standard errors (2 / sqrt(4000)).
        Assert.InRange(rows.Average(r => r[0]), 3 - 5 * 2 / Math.Sqrt(4000), 3 + 5 * 2 / Math.Sqrt(4000));
        // E[s] = 2 for Gamma(2, rate 1), sd sqrt(2).
        Assert.InRange(rows.Average(r => r[1]), 2 - 5 * Math.Sqrt(2) / Math.Sqrt(4000), 2 + 5 * Math.Sqrt(2) / Math.Sqrt(4000));
        Assert.All(rows, r => Assert.True(r[1] > 0));
        // Prior predictive: y[n] - mu has mean 0 and variance E[s^2] = Var s + (E s)^2 = 2 + 4 = 6.
        var residual = rows.Select(r => r[2] - r[0]).ToList();
        Assert.InRange(residual.Average(), -5 * Math.Sqrt(6.0 / 4000), 5 * Math.Sqrt(6.0 / 4000));
    }

    [Fact]
    public void Json_draws_keep_each_variables_shape_and_the_seed_fixes_them()
    {
        var model = WriteRegression();
        var (exit, output, _) = Run("sample", model, "-n", "5", "--json", "--seed", "9");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var draws = json.RootElement.GetProperty("draws");
        Assert.Equal(5, draws.GetProperty("mu").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, draws.GetProperty("mu")[0].ValueKind);
        Assert.Equal(3, draws.GetProperty("y")[4].GetArrayLength());
        Assert.Equal(output, Run("sample", model, "-n", "5", "--json", "--seed", "9").Out);
        Assert.NotEqual(output, Run("sample", model, "-n", "5", "--json", "--seed", "10").Out);
    }

    [Fact]
    public void Posterior_draws_come_from_the_backends_marginals()
    {
        var (exit, output, _) = Run("sample", StandInBackend.WriteCoin(), "--from", "posterior", "-n", "4000");
        Assert.Equal(0, exit);
        var rows = Rows(output, out var header);
        Assert.Equal(["theta", "flips[rep].0", "flips[rep].1", "flips[rep].2", "flips[rep].3"], header);
        // Beta(4, 2): mean 2/3, sd sqrt(ab / ((a+b)^2 (a+b+1))) = sqrt(8/252); 5 standard errors.
        var se = Math.Sqrt(8.0 / 252) / Math.Sqrt(4000);
        Assert.InRange(rows.Average(r => r[0]), 2.0 / 3 - 5 * se, 2.0 / 3 + 5 * se);
        // Replicated flips: Bernoulli(theta) given each theta draw, so P(flip) = E[theta] = 2/3, variance 2/9.
        Assert.All(rows, r => Assert.All(r[1..], v => Assert.True(v is 0 or 1)));
        var flipSe = Math.Sqrt(2.0 / 9 / 4000);
        Assert.InRange(rows.Average(r => r[1]), 2.0 / 3 - 5 * flipSe, 2.0 / 3 + 5 * flipSe);
    }

    [Fact]
    public void A_missing_model_is_a_user_error_on_stderr()
    {
        var (exit, output, error) = Run("sample", "/no/such/model.ppl");
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_draw_count_is_a_user_error()
    {
        var (exit, output, error) = Run("sample", WriteRegression(), "-n", "0");
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("-n must be a positive number of draws", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prior_predictive_draws_follow_the_data_inputs_through_plate_indexing()
    {
        var directory = Directory.CreateTempSubdirectory("ppl-sample-");
        var model = Path.Combine(directory.FullName, "line.ppl");
        File.WriteAllText(model, "data x: real[N]\ndata y: real[N]\nw ~ Normal(0, 1)\nplate n in N { y[n] ~ Normal(w * x[n] + 1, 0.001) }\n");
        File.WriteAllText(Path.Combine(directory.FullName, "line.json"), """{ "x": [0.0, 2.0, -1.0], "y": [0, 0, 0] }""");
        var (exit, output, error) = Run("sample", model, "-n", "50");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        var rows = Rows(output, out var header);
        Assert.Equal(["w", "y.0", "y.1", "y.2"], header);
        // y[n] = w x[n] + 1 up to noise of sd 0.001: 10 sd allowed per draw.
        Assert.All(rows, r =>
        {
            Assert.InRange(r[1], 1 - 0.01, 1 + 0.01);
            Assert.InRange(r[2], 2 * r[0] + 1 - 0.01, 2 * r[0] + 1 + 0.01);
            Assert.InRange(r[3], -r[0] + 1 - 0.01, -r[0] + 1 + 0.01);
        });
    }

    [Fact]
    public void A_scalar_family_declared_for_an_array_draws_every_element()
    {
        var directory = Directory.CreateTempSubdirectory("ppl-sample-");
        var model = Path.Combine(directory.FullName, "vec.ppl");
        File.WriteAllText(model, "data y: real[N]\nw: real[3] ~ Normal(0, precision: 4.0)\nplate n in N { y[n] ~ Normal(w[0] + w[1] + w[2], 1) }\n");
        File.WriteAllText(Path.Combine(directory.FullName, "vec.json"), """{ "y": [0.5] }""");
        var (exit, output, error) = Run("sample", model, "-n", "4000", "--seed", "4");
        Assert.True(exit == 0, error);
        var rows = Rows(output, out var header);
        Assert.Equal(["w.0", "w.1", "w.2", "y.0"], header);
        // Each w[i] ~ N(0, 1/4) independently: variance 0.25 within 5 standard errors 0.25 sqrt(2/(n-1)).
        for (var i = 0; i < 3; i++)
        {
            var variance = rows.Sum(r => r[i] * r[i]) / 4000;
            Assert.InRange(variance, 0.25 * (1 - 5 * Math.Sqrt(2.0 / 3999)), 0.25 * (1 + 5 * Math.Sqrt(2.0 / 3999)));
        }
        // Independent elements: the sum has variance 3/4 + 1 for y.
        var yVariance = rows.Sum(r => r[3] * r[3]) / 4000;
        Assert.InRange(yVariance, 1.75 * (1 - 5 * Math.Sqrt(2.0 / 3999)), 1.75 * (1 + 5 * Math.Sqrt(2.0 / 3999)));
    }
}
