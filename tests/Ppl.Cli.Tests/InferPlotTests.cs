using System.CommandLine;
using System.Xml.Linq;
using Ppl.Cli.Commands;

namespace Ppl.Cli.Tests;

/// <summary><c>ppl infer --out DIR --plot</c> writes well-formed plots; progress goes to stderr as plain lines.</summary>
public sealed class InferPlotTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(InferCommand.Create(StandInBackend.Registry(steps: 50)));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(root, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Plot_writes_the_density_and_trace_as_svg()
    {
        var model = StandInBackend.WriteCoin();
        var outDir = Path.Combine(Path.GetDirectoryName(model)!, "out");
        var (exit, output, error) = Run("infer", model, "--out", outDir, "--plot", "--json");
        Assert.Equal(0, exit);
        Assert.StartsWith("{", output.TrimStart(), StringComparison.Ordinal);
        XDocument.Load(Path.Combine(outDir, "density-theta.svg"));
        XDocument.Load(Path.Combine(outDir, "trace.svg"));
        Assert.Contains("wrote", error, StringComparison.Ordinal);
        // Eleven plain lines (0% to 100%) and the stand-in's converged end at its real count.
        var progress = error.Split('\n').Where(l => l.Contains("objective", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, progress.Count);
        Assert.Contains("2/2  converged", progress[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_without_out_is_a_usage_error()
    {
        var (exit, _, error) = Run("infer", StandInBackend.WriteCoin(), "--plot");
        Assert.NotEqual(0, exit);
        Assert.Contains("--plot writes its files into --out DIR", error, StringComparison.Ordinal);
    }
}
