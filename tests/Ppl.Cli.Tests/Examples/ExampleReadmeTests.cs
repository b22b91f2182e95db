using System.Text.Json;

namespace Ppl.Cli.Tests.Examples;

/// <summary>The README blocks, tolerances and JSON paths that <see cref="ExamplesEndToEndTests"/> relies on.</summary>
public sealed class ExampleReadmeTests
{
    private const string Readme = """
        # m

        <!-- output:begin infer examples/m/m.ppl --epochs 3 -->
        old output
        <!-- output:end -->

        <!-- expected:begin infer examples/m/m.ppl --epochs 1 -->
        | quantity | expected | tolerance | source | why |
        | --- | --- | --- | --- | --- |
        | `elbo` | -10 | 1e-6 rel | run | recorded |
        | `posteriors.w.mean[1]` | 0.50 | 0.1 abs | closed form | hand-written |
        <!-- expected:end -->
        """;

    private static ExampleReadme Load()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ppl-readme-").FullName, "README.md");
        File.WriteAllText(path, Readme);
        return ExampleReadme.Load(path);
    }

    [Fact]
    public void Blocks_give_their_arguments_and_rows()
    {
        var readme = Load();
        Assert.Equal("infer examples/m/m.ppl --epochs 3", readme.OutputArgs);
        Assert.Equal("infer examples/m/m.ppl --epochs 1", readme.ExpectedArgs);
        Assert.Equal(["elbo", "posteriors.w.mean[1]"], readme.Rows.Select(r => r.Quantity).ToArray());
        Assert.Equal(-10, readme.Rows[0].Expected);
        Assert.Equal(1e-5, readme.Rows[0].Tolerance.Allowed(-10), 15);
        Assert.Equal(0.1, readme.Rows[1].Tolerance.Allowed(0.5));
        Assert.Equal(1e-12, new Tolerance(1e-6, true, "1e-6 rel").Allowed(0)); // the floor for an expected 0
    }

    [Fact]
    public void Update_rewrites_the_output_and_run_rows_only()
    {
        var readme = Load();
        var text = readme.WithOutput("new output\n");
        text = readme.WithRecorded(text, q => q == "elbo" ? -12.345 : throw new InvalidOperationException("only run rows are recorded"));
        Assert.Contains("```text\n$ ppl infer examples/m/m.ppl --epochs 3\nnew output\n```\n<!-- output:end -->", text, StringComparison.Ordinal);
        Assert.DoesNotContain("old output", text, StringComparison.Ordinal);
        Assert.Contains("| `elbo` | -12.345 | 1e-6 rel | run | recorded |", text, StringComparison.Ordinal);
        Assert.Contains("| `posteriors.w.mean[1]` | 0.50 | 0.1 abs | closed form | hand-written |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantities_are_paths_into_the_result_json()
    {
        using var json = JsonDocument.Parse("""
            { "elbo": -3.5, "posteriors": { "w": { "mean": [1, 2, 3] } }, "params": { "S": [[[1, 2], [3, 4]]] },
              "diagnostics": { "bic": 7 }, "logEvidence": null }
            """);
        var root = json.RootElement;
        Assert.Equal(-3.5, JsonQuantity.Resolve(root, "elbo"));
        Assert.Equal(2, JsonQuantity.Resolve(root, "posteriors.w.mean[1]"));
        Assert.Equal(3, JsonQuantity.Resolve(root, "params.S[0,1,0]"));
        Assert.Equal(7, JsonQuantity.Resolve(root, "diagnostics.bic"));
        Assert.Throws<KeyNotFoundException>(() => JsonQuantity.Resolve(root, "posteriors.v.mean"));
        Assert.Throws<InvalidDataException>(() => JsonQuantity.Resolve(root, "logEvidence"));
        Assert.Throws<InvalidDataException>(() => JsonQuantity.Resolve(root, "posteriors.w.mean"));
    }

    [Fact]
    public void A_readme_without_both_blocks_is_refused()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ppl-readme-").FullName, "README.md");
        File.WriteAllText(path, "# m\n<!-- output:begin infer m.ppl -->\n<!-- output:end -->\n");
        Assert.Throws<InvalidDataException>(() => ExampleReadme.Load(path));
        Assert.Throws<FormatException>(() => Tolerance.Parse("5 percent"));
    }
}
