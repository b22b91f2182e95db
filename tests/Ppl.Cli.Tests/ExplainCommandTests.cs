namespace Ppl.Cli.Tests;

/// <summary><c>ppl explain</c>: the graph and the plan; data bound when given; --method and --dump.</summary>
public sealed class ExplainCommandTests : IDisposable
{
    private const string Coin = "data flips: bool[N]\ntheta ~ Beta(1, 1)\nplate n in N { flips[n] ~ Bernoulli(theta) }\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("ppl-explain-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Explain(string source, params string[] options)
    {
        var path = Path.Combine(_dir, "m.ppl");
        File.WriteAllText(path, source);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(["explain", path, .. options], output, error);
        return (exit, output.ToString(), error.ToString().Replace(_dir + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }

    private string DataFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Explains_the_coin_with_its_backend_and_rejections()
    {
        var (exit, output, error) = Explain(Coin);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("  theta: prob — global, continuous, Beta; conjugate: Beta–Bernoulli (flips)\n", output, StringComparison.Ordinal);
        Assert.Contains("backend: vmp — because ", output, StringComparison.Ordinal);
        Assert.Contains("rejected: em — 'theta ~ Beta(1, 1)' (", output, StringComparison.Ordinal);
    }

    [Fact]
    public void With_data_the_plate_sizes_are_numbers()
    {
        var (exit, output, _) = Explain(Coin, "--data", DataFile("coin.json", """{ "flips": [1, 0, 1] }"""));

        Assert.Equal(0, exit);
        Assert.Contains("  n in N = 3\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_data_is_a_diagnostic_at_the_data_file_position()
    {
        var (exit, _, error) = Explain(Coin, "--data", DataFile("coin.json", """{ "flips": [1, 0, 3] }"""));

        Assert.Equal(1, exit);
        Assert.StartsWith("coin.json:1:19: error PPL0307: flips[2] is 3, but flips is declared bool[N]", error, StringComparison.Ordinal);
        Assert.EndsWith("1 error" + Environment.NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_that_cannot_run_the_model_exits_1_with_a_diagnostic()
    {
        var (exit, output, error) = Explain(Coin, "--method", "em");

        Assert.Equal(1, exit);
        Assert.Contains("backend: none — --method em cannot run this model", output, StringComparison.Ordinal);
        Assert.Contains("m.ppl:2:1: error PPL0401: --method em cannot run this model: 'theta ~ Beta(1, 1)'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ir", "latent theta: prob ~ Beta(1, 1)\n")]
    [InlineData("plan", "backend: vmp — because ")]
    [InlineData("ast", "Beta(1, 1)")]
    public void Dump_prints_one_stage(string stage, string expected)
    {
        var (exit, output, _) = Explain(Coin, "--dump", stage);

        Assert.Equal(0, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain(stage == "plan" ? "latents:" : "backend:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_errors_is_not_explained()
    {
        var (exit, output, error) = Explain("data x: real[N]\nplate n in N { x[n] ~ Nromal(0, 1) }\n");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("unknown distribution 'Nromal'", error, StringComparison.Ordinal);
    }
}
