namespace Ppl.Cli.Tests;

/// <summary><c>ppl check</c> runs the compiler: name, type and shape errors are diagnostics with exit 1.</summary>
public sealed class CheckSemanticErrorsTests
{
    private static (int Exit, string Out, string Err) Check(string source)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ppl-check-{Guid.NewGuid():N}.ppl");
        File.WriteAllText(path, source);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = PplApp.Run(["check", path], output, error);
            return (exit, output.ToString(), error.ToString().Replace(path, "m.ppl", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unknown_distribution_exits_1_with_a_did_you_mean()
    {
        var (exit, output, error) = Check("data x: real[N]\nplate n in N { x[n] ~ Nromal(0, 1) }\n");
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("m.ppl:2:23: error PPL0105: unknown distribution 'Nromal'; did you mean 'Normal'?", error, StringComparison.Ordinal);
        Assert.EndsWith("1 error" + Environment.NewLine, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_error_exits_1_naming_both_shapes()
    {
        var (exit, _, error) = Check("data X: real[N, D]\ndata y: real[N]\nparam W: real[D, 3]\ny ~ Normal(X @ W, 1)\n");
        Assert.Equal(1, exit);
        Assert.Contains("error PPL0204: 'y' has shape [N], but Normal(X @ W, ...) has shape [N, 3]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Support_error_exits_1()
    {
        var (exit, _, error) = Check("data y: bool[N]\nplate n in N { y[n] ~ Normal(0, 1) }\n");
        Assert.Equal(1, exit);
        Assert.Contains("error PPL0203: 'y' is bool data, but Normal's draws are real numbers", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_example_checks_clean()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Ppl.sln")))
        {
            root = root.Parent!;
        }
        var examples = Directory.GetFiles(Path.Combine(root.FullName, "examples"), "*.ppl", SearchOption.AllDirectories);
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.True(PplApp.Run(["check", example], output, error) == 0, error.ToString());
        }
    }

    [Fact]
    public void With_data_shape_messages_show_the_data_sizes()
    {
        var dir = Directory.CreateTempSubdirectory("ppl-check-");
        try
        {
            var model = Path.Combine(dir.FullName, "m.ppl");
            File.WriteAllText(model, "data X: real[N, D]\ndata y: real[N]\nparam W: real[D, 3]\ny ~ Normal(X @ W, 1)\n");
            var data = Path.Combine(dir.FullName, "d.json");
            File.WriteAllText(data, "{ \"X\": [[1, 2], [3, 4], [5, 6], [7, 8]], \"y\": [1, 2, 3, 4] }");
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = PplApp.Run(["check", model, "--data", data], output, error);
            Assert.Equal(1, exit);
            Assert.Contains("'y' has shape [N] = [4], but Normal(X @ W, ...) has shape [N, 3] = [4, 3]", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void With_data_a_data_error_exits_1()
    {
        var dir = Directory.CreateTempSubdirectory("ppl-check-");
        try
        {
            var model = Path.Combine(dir.FullName, "m.ppl");
            File.WriteAllText(model, "data flips: bool[N]\ntheta ~ Beta(1, 1)\nplate n in N { flips[n] ~ Bernoulli(theta) }\n");
            var data = Path.Combine(dir.FullName, "d.json");
            File.WriteAllText(data, "{ \"flips\": [1, 0, 2] }");
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(1, PplApp.Run(["check", model, "--data", data], output, error));
            Assert.Contains("flips", error.ToString(), StringComparison.Ordinal);
            Assert.Empty(output.ToString());

            File.WriteAllText(data, "{ \"flips\": [1, 0, 1] }");
            using var okOutput = new StringWriter();
            using var okError = new StringWriter();
            Assert.Equal(0, PplApp.Run(["check", model, "--data", data], okOutput, okError));
            Assert.Empty(okError.ToString());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
