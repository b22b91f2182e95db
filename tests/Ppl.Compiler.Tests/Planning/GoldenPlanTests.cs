using Ppl.Compiler.Fluent;
using Ppl.Compiler.Planning;
using Ppl.Compiler.Tests.Fluent;

namespace Ppl.Compiler.Tests.Planning;

/// <summary>
/// The planner's pick for every DESIGN.md model (and a few more), and its full explanation compared with
/// a golden file in Golden/plans (rewrite them with PPL_UPDATE_GOLDENS=1).
/// </summary>
public sealed class GoldenPlanTests
{
    /// <summary>Model name, where its text lives, and the backend DESIGN.md expects.</summary>
    public static TheoryData<string, string> Expected => new()
    {
        { "coin", "vmp" },
        { "poisson-gamma", "vmp" },
        { "learning-a-gaussian", "vmp" },
        { "blr", "vmp" },
        { "blr-evidence", "vmp" },
        { "blr-fixed", "vmp" },
        { "vb-gmm", "vmp" },
        { "rats", "vmp" },
        { "gmm", "em" },
        { "ppca", "em" },
        { "bernoulli-mixture", "em" },
        { "poisson-mixture", "em" },
        { "vae", "svi" },
        { "bbb", "svi" },
        { "bbb-mixture", "svi" },
        { "mc-dropout", "svi" },
        { "heteroscedastic", "svi" },
        { "logistic-regression", "svi" },
        { "eight-schools", "svi" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void The_planner_picks_the_backend_DESIGN_md_expects(string name, string backend)
    {
        var plan = Compile(name).Plan();
        Assert.True(plan.Succeeded, PlanPrinter.Decision(plan));
        Assert.Equal(backend, plan.Chosen!.Value.Name());
        Assert.All(plan.Verdicts.Where(v => !v.CanRun), v => Assert.NotNull(v.Statement));
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void The_explanation_matches_its_golden_file(string name, string backend)
    {
        var model = Compile(name);
        var text = PlanPrinter.Explain(model.Plan());
        Assert.Contains("backend: " + backend + " — because ", text, StringComparison.Ordinal);

        var golden = Repository.TestFile("Golden", "plans", name + ".plan");
        if (Repository.UpdateGoldens || !File.Exists(golden))
        {
            File.WriteAllText(golden, text);
            Assert.True(Repository.UpdateGoldens, $"golden file {golden} was missing and has been written; check it in");
        }

        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), text);
    }

    internal static PplModel Compile(string name)
    {
        var path = File.Exists(Repository.Example(name))
            ? Repository.Example(name)
            : Repository.TestFile("Planning", "Models", name + ".ppl");
        var model = PplModel.Parse(File.ReadAllText(path), name + ".ppl");
        Assert.False(model.HasErrors, model.RenderDiagnostics());
        return model;
    }
}
