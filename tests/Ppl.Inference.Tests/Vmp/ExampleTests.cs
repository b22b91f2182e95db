using System.Runtime.CompilerServices;
using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp;
using Ppl.StdLib.Data;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>Each example the vmp backend runs, from its file and its data beside it, through the whole pipeline.</summary>
public sealed class ExampleTests
{
    private static string ExamplePath(string name, [CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", "..", "examples", name, name + ".ppl"));

    internal static InferenceResult RunExample(string name)
    {
        var path = ExamplePath(name);
        var compiled = Compilation.CompileFile(path);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        var plan = Planner.Plan(compiled.Ir!, null, compiled.Source);
        Assert.Equal(Backend.Vmp, plan.Chosen);
        var read = DataSource.Load(path, Array.Empty<string>());
        Assert.False(read.HasErrors, string.Join("\n", read.Errors));
        var bound = DataBinder.Bind(compiled.Ir!, read.Data);
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
        return new VmpBackend().Run(new InferenceRequest(compiled.Ir!, plan, bound.Data!, new InferenceOptions(), name + ".ppl"));
    }

    [Theory]
    [InlineData("coin")]
    [InlineData("poisson-gamma")]
    [InlineData("learning-a-gaussian")]
    [InlineData("blr")]
    [InlineData("blr-evidence")]
    [InlineData("rats")]
    [InlineData("vb-gmm")]
    public void Runs_and_converges(string name)
    {
        var result = RunExample(name);
        Assert.True(result.Converged, $"{name}: not converged after {result.Iterations}");
        Assert.All(result.Trace, t => Assert.True(double.IsFinite(t)));
        for (var i = 1; i < result.Trace.Count; i++)
        {
            Assert.True(result.Trace[i] >= result.Trace[i - 1] - 1e-9 * Math.Abs(result.Trace[i - 1]), $"{name}: ELBO decreased at {i}");
        }
    }

    [Fact]
    public void Rats_recovers_the_simulated_growth_rate()
    {
        // The data were simulated (tools/fixtures/vmp/make_example_data.py) with a mean slope of 6.19 g/day,
        // 30 rats with slope sd 0.52: the posterior of mu_beta must cover it within 5 posterior sd plus the
        // sampling error of 30 slopes (0.52/√30 ≈ 0.095).
        var result = RunExample("rats");
        var muBeta = result.Posterior("mu_beta")!;
        Assert.InRange(muBeta.Mean.ScalarValue, 6.19 - 5 * (muBeta.Sd.ScalarValue + 0.095), 6.19 + 5 * (muBeta.Sd.ScalarValue + 0.095));
        Assert.Equal([30], result.Posterior("alpha")!.Mean.Shape);
    }
}
