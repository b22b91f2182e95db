using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference.Vmp;
using Ppl.Inference.Vmp.Building;
using Ppl.Inference.Vmp.Factors;
using Ppl.Inference.Vmp.Variables;
using Ppl.StdLib.Data;
using static Ppl.Inference.Tests.Vmp.VmpHarness;

namespace Ppl.Inference.Tests.Vmp;

/// <summary>
/// Observed Normal data gathered into per-group sufficient statistics give the same run — every
/// iteration's ELBO, every posterior — as the per-cell factor that re-reads the data (the twin).
/// </summary>
public sealed class GatheredStatisticsTests
{
    private static (VmpModel Model, VmpRun Run) Build(string source, bool gather, params DataArray[] data)
    {
        var compiled = Compilation.Compile(source, "test.ppl");
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        var plan = Planner.Plan(compiled.Ir!, Backend.Vmp, source);
        var bound = DataBinder.Bind(compiled.Ir!, new DataSet(data));
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
        var model = VmpModelBuilder.Build(plan.Analysis with { Model = compiled.Ir! }, bound.Data!, 1, gather);
        return (model, VmpEngine.Run(model, 60, -1, null, CancellationToken.None));
    }

    private static void SameRun(string source, int expectedGroups, params DataArray[] data)
    {
        var (gathered, fast) = Build(source, true, data);
        var (perCell, slow) = Build(source, false, data);
        Assert.True(gathered.Factors.OfType<ObservedNormalFactor>().Count() == 1, string.Join(", ", gathered.Factors.Select(f => f.GetType().Name)));
        var factor = gathered.Factors.OfType<ObservedNormalFactor>().Single();
        Assert.Equal(expectedGroups, factor.Groups);
        Assert.Empty(perCell.Factors.OfType<ObservedNormalFactor>());
        Assert.Equal(slow.Iterations, fast.Iterations);
        for (var i = 0; i < slow.Trace.Count; i++)
        {
            Close(slow.Trace[i], fast.Trace[i], 1e-9, $"ELBO at iteration {i + 1}");
        }

        for (var v = 0; v < perCell.Schedule.Count; v++)
        {
            switch ((perCell.Schedule[v], gathered.Schedule[v]))
            {
                case (GaussianArray a, GaussianArray b):
                    for (var i = 0; i < a.Count; i++)
                    {
                        Close(a.Mean[i], b.Mean[i], 1e-9, $"{a.Name}[{i}] mean");
                        Close(a.Variance[i], b.Variance[i], 1e-9, $"{a.Name}[{i}] variance");
                    }

                    break;
                case (GammaArray a, GammaArray b):
                    for (var i = 0; i < a.Count; i++)
                    {
                        Close(a.Expected[i], b.Expected[i], 1e-9, $"{a.Name}[{i}] E");
                        Close(a.ExpectedLog[i], b.ExpectedLog[i], 1e-9, $"{a.Name}[{i}] E log");
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static double[] Normals(int n, double mean, double sd, int seed)
    {
        var random = new System.Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];
    }

    [Fact]
    public void Learning_a_gaussian_collapses_to_one_group() =>
        SameRun("data x: real[N]\nmu ~ Normal(0, precision: 1e-2)\ntau ~ Gamma(1e-2, 1e-2)\nplate n in N { x[n] ~ Normal(mu, precision: tau) }",
            1, Reals("x", Normals(5000, 3, 2, 1)));

    [Fact]
    public void Data_far_from_zero_keep_nine_digits() =>
        SameRun("data x: real[N]\nmu ~ Normal(0, precision: 1e-8)\ntau ~ Gamma(1e-2, 1e-2)\nplate n in N { x[n] ~ Normal(mu, precision: tau) }",
            1, Reals("x", Normals(2000, 1000, 1, 2)));

    [Fact]
    public void Rats_collapse_to_one_group_per_rat()
    {
        var x = new double[] { 8, 15, 22, 29, 36 };
        var random = new System.Random(3);
        var y = new double[30 * 5];
        for (var r = 0; r < 30; r++)
        {
            var a = 240 + 15 * random.NextDouble();
            var b = 6 + random.NextDouble();
            for (var t = 0; t < 5; t++)
            {
                y[r * 5 + t] = a + b * (x[t] - 22) + 6 * (random.NextDouble() - 0.5);
            }
        }

        SameRun("""
            data x: real[T]
            data y: real[R, T]
            const x_bar = mean(x)
            mu_alpha ~ Normal(0, precision: 1e-4)
            mu_beta ~ Normal(0, precision: 1e-4)
            tau_alpha ~ Gamma(1e-3, 1e-3)
            tau_beta ~ Gamma(1e-3, 1e-3)
            tau_y ~ Gamma(1e-3, 1e-3)
            plate r in R {
              alpha[r] ~ Normal(mu_alpha, precision: tau_alpha)
              beta[r] ~ Normal(mu_beta, precision: tau_beta)
              plate t in T {
                y[r, t] ~ Normal(alpha[r] + beta[r] * (x[t] - x_bar), precision: tau_y)
              }
            }
            """, 30, Reals("x", x), Reals("y", y, 30, 5));
    }

    [Fact]
    public void Known_per_cell_precisions_fold_into_the_weights() =>
        SameRun("data x: real[N]\ndata s: pos[N]\nmu ~ Normal(0, precision: 1e-2)\nplate n in N { x[n] ~ Normal(mu, sd: s[n]) }",
            1, Reals("x", Normals(400, -1, 1, 4)), Reals("s", [.. Normals(400, 0, 1, 5).Select(v => 0.5 + Math.Abs(v))]));

    [Fact]
    public void A_param_precision_with_two_offsets_and_a_coefficient() =>
        SameRun("data x: real[N]\ndata c: real[N]\nparam tau: pos\na ~ Normal(0, precision: 1e-2)\nb ~ Normal(0, precision: 1e-2)\nplate n in N { x[n] ~ Normal(1 + a + c[n] * b, precision: tau) }",
            1, Reals("x", Normals(300, 2, 0.5, 6)), Reals("c", Normals(300, 0, 1, 7)));

    [Fact]
    public void A_known_mean_and_a_precision_per_group() =>
        SameRun("data x: real[G, N]\nplate g in G { tau[g] ~ Gamma(1, 1) }\nplate g in G { plate n in N { x[g, n] ~ Normal(5, precision: tau[g]) } }",
            3, Reals("x", Normals(300, 5, 0.7, 8), 3, 100));
}
