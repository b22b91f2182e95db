using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ppl.Cli.Commands;
using Ppl.Tensors.Random;

namespace Ppl.Cli.Tests;

/// <summary>
/// <c>ppl sample --from posterior</c> on Bayesian linear regression with known precisions α, β, where
/// VMP's q(w) is the exact posterior N(m_N, S_N) (Bishop 2006, eqs. 3.53–3.54): the draws of w keep
/// its full covariance, and the replicated y at one input follows the predictive distribution
/// N(m_Nᵀx, 1/β + xᵀ S_N x) (Bishop 2006, eqs. 3.58–3.59).
/// </summary>
public sealed class PosteriorPredictiveTests
{
    private const double Alpha = 2.0;
    private const double Beta = 25.0;
    private const int N = 6;
    private const int D = 3;
    private const int Draws = 20000;

    private const string Model = """
        data X: real[N, D]
        data y: real[N]
        w: real[D] ~ Normal(0, precision: 2.0)
        y ~ Normal(X @ w, precision: 25.0)
        """;

    private static (double[,] X, double[] Y) Data()
    {
        var random = new RandomSource(17);
        var x = new double[N, D];
        var y = new double[N];
        for (var n = 0; n < N; n++)
        {
            // Columns 0 and 1 nearly collinear, so S_N has a strong off-diagonal.
            var u = random.NextNormal();
            x[n, 0] = u;
            x[n, 1] = u + 0.1 * random.NextNormal();
            x[n, 2] = random.NextNormal();
            y[n] = 0.5 * x[n, 0] - 0.3 * x[n, 1] + 0.8 * x[n, 2] + random.NextNormal() / Math.Sqrt(Beta);
        }
        return (x, y);
    }

    /// <summary>S_N = (αI + β XᵀX)⁻¹ and m_N = β S_N Xᵀy, by Gauss–Jordan on the 3×3 system.</summary>
    private static (double[] Mean, double[,] Covariance) Exact(double[,] x, double[] y)
    {
        var precision = new double[D, D];
        var rhs = new double[D];
        for (var i = 0; i < D; i++)
        {
            precision[i, i] = Alpha;
            for (var n = 0; n < N; n++)
            {
                rhs[i] += Beta * x[n, i] * y[n];
                for (var j = 0; j < D; j++)
                {
                    precision[i, j] += Beta * x[n, i] * x[n, j];
                }
            }
        }
        var inverse = Invert(precision);
        var mean = new double[D];
        for (var i = 0; i < D; i++)
        {
            for (var j = 0; j < D; j++)
            {
                mean[i] += inverse[i, j] * rhs[j];
            }
        }
        return (mean, inverse);
    }

    private static double[,] Invert(double[,] a)
    {
        var n = a.GetLength(0);
        var m = new double[n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = a[i, j];
            }
            m[i, n + i] = 1;
        }
        for (var c = 0; c < n; c++)
        {
            var pivot = m[c, c];
            for (var j = 0; j < 2 * n; j++)
            {
                m[c, j] /= pivot;
            }
            for (var r = 0; r < n; r++)
            {
                if (r != c)
                {
                    var f = m[r, c];
                    for (var j = 0; j < 2 * n; j++)
                    {
                        m[r, j] -= f * m[c, j];
                    }
                }
            }
        }
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                inverse[i, j] = m[i, n + j];
            }
        }
        return inverse;
    }

    private static string WriteModel(double[,] x, double[] y)
    {
        var directory = Directory.CreateTempSubdirectory("ppl-predictive-");
        var path = Path.Combine(directory.FullName, "blr.ppl");
        File.WriteAllText(path, Model);
        var rows = Enumerable.Range(0, N).Select(n => "[" + string.Join(", ", Enumerable.Range(0, D).Select(j => x[n, j].ToString("R", CultureInfo.InvariantCulture))) + "]");
        File.WriteAllText(Path.Combine(directory.FullName, "blr.json"),
            $$"""{ "X": [{{string.Join(", ", rows)}}], "y": [{{string.Join(", ", y.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}}] }""");
        return path;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(SampleCommand.Create(PplApp.Backends()));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(root, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static (string[] Header, double[][] Rows) Csv(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())]);
    }

    [Fact]
    public void Posterior_draws_of_a_vector_block_keep_its_full_covariance()
    {
        var (x, y) = Data();
        var (_, s) = Exact(x, y);
        // The test only means something when the block is far from diagonal.
        Assert.True(s[0, 1] / Math.Sqrt(s[0, 0] * s[1, 1]) < -0.8);

        var (exit, output, error) = Run("sample", WriteModel(x, y), "--from", "posterior", "--method", "vmp", "-n", Draws.ToString(CultureInfo.InvariantCulture), "--seed", "5");
        Assert.True(exit == 0, error);
        var (header, rows) = Csv(output);
        Assert.Equal(["w.0", "w.1", "w.2"], header[..3]);
        var means = Enumerable.Range(0, D).Select(j => rows.Average(r => r[j])).ToArray();
        for (var i = 0; i < D; i++)
        {
            for (var j = 0; j < D; j++)
            {
                var sample = rows.Sum(r => (r[i] - means[i]) * (r[j] - means[j])) / (Draws - 1);
                // For Gaussian draws Var(ĉ_ij) = (S_ii S_jj + S_ij²) / (n − 1) (Anderson 2003, §3.3): 5 standard errors.
                var se = Math.Sqrt((s[i, i] * s[j, j] + s[i, j] * s[i, j]) / (Draws - 1));
                Assert.InRange(sample, s[i, j] - 5 * se, s[i, j] + 5 * se);
            }
        }
    }

    [Fact]
    public void Replicated_y_at_one_input_follows_the_predictive_distribution()
    {
        var (x, y) = Data();
        var (m, s) = Exact(x, y);
        // Bishop 2006, eqs. 3.58–3.59: mean m_Nᵀx, variance 1/β + xᵀ S_N x; at the input of highest leverage.
        double Epistemic(int n) => Enumerable.Range(0, D).Sum(i => Enumerable.Range(0, D).Sum(j => x[n, i] * s[i, j] * x[n, j]));
        var point = Enumerable.Range(0, N).MaxBy(Epistemic);
        var mean = Enumerable.Range(0, D).Sum(i => m[i] * x[point, i]);
        var variance = 1 / Beta + Epistemic(point);

        var (exit, output, error) = Run("sample", WriteModel(x, y), "--from", "posterior", "--method", "vmp", "-n", Draws.ToString(CultureInfo.InvariantCulture), "--seed", "6");
        Assert.True(exit == 0, error);
        var (header, rows) = Csv(output);
        Assert.Equal([.. Enumerable.Range(0, N).Select(n => $"y[rep].{n}")], header[D..]);
        var column = Array.IndexOf(header, $"y[rep].{point}");
        var values = rows.Select(r => r[column]).ToArray();
        var sampleMean = values.Average();
        var sampleVariance = values.Sum(v => (v - sampleMean) * (v - sampleMean)) / (Draws - 1);
        // Standard errors of a Normal sample's mean and variance: σ/√n and σ²√(2/(n−1)); 5 of each.
        Assert.InRange(sampleMean, mean - 5 * Math.Sqrt(variance / Draws), mean + 5 * Math.Sqrt(variance / Draws));
        Assert.InRange(sampleVariance, variance * (1 - 5 * Math.Sqrt(2.0 / (Draws - 1))), variance * (1 + 5 * Math.Sqrt(2.0 / (Draws - 1))));
        // The epistemic part is not negligible here, so a plug-in y ~ N(m_Nᵀx, 1/β) would fail the check.
        Assert.True(variance - 1 / Beta > 10 * Math.Sqrt(2.0 / (Draws - 1)) * variance);
    }

    [Fact]
    public void Json_lists_the_replicated_nodes_under_their_own_names()
    {
        var (x, y) = Data();
        var (exit, output, error) = Run("sample", WriteModel(x, y), "--from", "posterior", "-n", "3", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var draws = json.RootElement.GetProperty("draws");
        Assert.Equal(3, draws.GetProperty("y").GetArrayLength());
        Assert.Equal(N, draws.GetProperty("y")[0].GetArrayLength());
        Assert.Equal(D, draws.GetProperty("w")[0].GetArrayLength());
        Assert.Equal(["y"], json.RootElement.GetProperty("replicated").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Svi_posterior_draws_come_from_the_guides_family_and_respect_the_support()
    {
        // Two points leave the scale broad: a Normal with the posterior mean and sd would put a
        // visible share of its draws below zero, the guide's LogNormal(loc, scale), drawn as itself, none.
        var directory = Directory.CreateTempSubdirectory("ppl-predictive-");
        var path = Path.Combine(directory.FullName, "scale.ppl");
        File.WriteAllText(path, "data y: real[N]\ns ~ Gamma(2, 1)\nplate n in N { y[n] ~ Normal(0, s) }\n");
        File.WriteAllText(Path.Combine(directory.FullName, "scale.json"), """{ "y": [0.3, -1.2] }""");
        var (exit, output, error) = Run("sample", path, "--from", "posterior", "--method", "svi", "-n", "2000", "--seed", "4");
        Assert.True(exit == 0, error);
        var (header, rows) = Csv(output);
        Assert.Equal(["s", "y[rep].0", "y[rep].1"], header);
        var draws = rows.Select(r => r[0]).ToArray();
        Assert.All(draws, v => Assert.True(v > 0, $"s = {v}"));
        var mean = draws.Average();
        var sd = Math.Sqrt(draws.Sum(v => (v - mean) * (v - mean)) / (draws.Length - 1));
        // The check above only bites when the Normal stand-in would have gone negative: P(N < 0) > 1%.
        Assert.True(mean / sd < 2.3, $"mean {mean}, sd {sd}");
    }

    [Fact]
    public void Em_replicates_are_the_plug_in_mixture()
    {
        // examples/gmm under EM: z is a local latent the result only summarises, so each replicated
        // x[n] is drawn from the fitted mixture, sum_k w_k N(mu_k, Sigma_k), with the point estimates.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Ppl.sln")))
        {
            root = root.Parent!;
        }
        var model = Path.Combine(root.FullName, "examples", "gmm", "gmm.ppl");
        const int draws = 800;
        var infer = new RootCommand();
        infer.Subcommands.Add(InferCommand.Create(PplApp.Backends()));
        using var inferOut = new StringWriter();
        using var inferErr = new StringWriter();
        Assert.Equal(0, PplApp.Run(infer, ["infer", model, "--json", "--seed", "8"], inferOut, inferErr));
        using var fitted = JsonDocument.Parse(inferOut.ToString());
        var parameters = fitted.RootElement.GetProperty("params");
        var w = parameters.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var mu = parameters.GetProperty("mu").EnumerateArray().Select(e => e[0].GetDouble()).ToArray();
        var variance = parameters.GetProperty("Sigma").EnumerateArray().Select(e => e[0][0].GetDouble()).ToArray();

        var (exit, output, error) = Run("sample", model, "--from", "posterior", "-n", draws.ToString(CultureInfo.InvariantCulture), "--seed", "8");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("no replicated draws", error, StringComparison.Ordinal);
        var (header, rows) = Csv(output);
        var column = Array.IndexOf(header, "x[rep].0.0");
        Assert.True(column >= 0);
        var values = rows.Select(r => r[column]).ToArray();

        // Mixture moments of the first coordinate: mean m = sum w mu, central moments from d = mu - m.
        var m = w.Select((wk, k) => wk * mu[k]).Sum();
        var second = w.Select((wk, k) => wk * (Math.Pow(mu[k] - m, 2) + variance[k])).Sum();
        var fourth = w.Select((wk, k) =>
        {
            var d = mu[k] - m;
            return wk * (Math.Pow(d, 4) + 6 * d * d * variance[k] + 3 * variance[k] * variance[k]);
        }).Sum();
        var sampleMean = values.Average();
        var sampleVariance = values.Sum(v => (v - sampleMean) * (v - sampleMean)) / (draws - 1);
        // 5 standard errors: sqrt(var / n) for the mean, sqrt((mu4 - var^2) / n) for the variance.
        Assert.InRange(sampleMean, m - 5 * Math.Sqrt(second / draws), m + 5 * Math.Sqrt(second / draws));
        var varianceSe = Math.Sqrt((fourth - second * second) / draws);
        Assert.InRange(sampleVariance, second - 5 * varianceSe, second + 5 * varianceSe);
    }

    /// <summary>`ppl sample --from posterior` on a model of three points: its rows, checked to be y[rep] alone, with no note.</summary>
    private static double[][] ReplicatedDrawsOfThreePoints(string model, int draws)
    {
        var (exit, output, error) = Run("sample", model, "--from", "posterior", "-n", draws.ToString(CultureInfo.InvariantCulture), "--seed", "2");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("no replicated draws", error, StringComparison.Ordinal);
        var (header, rows) = Csv(output);
        Assert.Equal(["y[rep].0", "y[rep].1", "y[rep].2"], header);
        return rows;
    }

    [Fact]
    public void A_model_with_a_network_gets_replicated_draws_from_the_svi_passes()
    {
        // The forward sampler cannot run a network; `ppl sample --from posterior` asks SVI to keep
        // y_rep from its own guide passes. y[n] ~ Normal(f(x[n]), 0.2) with a deterministic net (no
        // prior): each y_rep[n] is the fitted f(x[n]) plus N(0, 0.04) noise, so its variance is 0.04.
        var model = CliHarness.WriteModel("net", """
            data x: real[N, 1]
            data y: real[N]
            net f = mlp(1 -> 4 -> 1, act: tanh)
            plate n in N { y[n] ~ Normal(f(x[n])[0], 0.2) }
            """, """{ "x": [[-1], [0], [1]], "y": [-0.5, 0.1, 0.6] }""");
        const int draws = 2000;
        var rows = ReplicatedDrawsOfThreePoints(model, draws);
        // Draws resampled from 1,000 passes: the variance check uses 1,000 as the number of independent draws.
        for (var n = 0; n < 3; n++)
        {
            var column = rows.Select(r => r[n]).ToArray();
            var mean = column.Average();
            var variance = column.Sum(v => (v - mean) * (v - mean)) / (draws - 1);
            Assert.InRange(variance, 0.04 * (1 - 6 * Math.Sqrt(2.0 / 1000)), 0.04 * (1 + 6 * Math.Sqrt(2.0 / 1000)));
        }
    }

    [Fact]
    public void Replicated_counts_of_a_network_model_are_poisson_draws()
    {
        // Any scalar family is replicated through its StdLib sampler: with a deterministic net the
        // replicated counts at each input are Poisson(λₙ), whose variance equals its mean.
        var model = CliHarness.WriteModel("counts", """
            data x: real[N, 1]
            data y: int[N]
            net f = mlp(1 -> 4 -> 1, act: tanh)
            plate n in N { y[n] ~ Poisson(exp(f(x[n])[0])) }
            """, """{ "x": [[-1], [0], [1]], "y": [1, 3, 6] }""");
        const int draws = 1000;
        var rows = ReplicatedDrawsOfThreePoints(model, draws);
        for (var n = 0; n < 3; n++)
        {
            var column = rows.Select(r => r[n]).ToArray();
            Assert.All(column, v => Assert.True(v >= 0 && v == Math.Floor(v), $"{v} is not a count"));
            var mean = column.Average();
            var variance = column.Sum(v => (v - mean) * (v - mean)) / (draws - 1);
            // Var(s²) ≈ (μ₄ − σ⁴)/n with μ₄ = λ + 3λ² for a Poisson: 6 standard errors (≤ 1,000 distinct passes).
            var se = Math.Sqrt((mean + 2 * mean * mean) / draws);
            Assert.InRange(variance, mean - 6 * se, mean + 6 * se);
        }
    }

    [Fact]
    public void A_family_svi_cannot_replicate_is_named_and_an_empty_draw_set_is_said_not_printed()
    {
        var model = CliHarness.WriteModel("pairs", """
            data x: real[N, 1]
            data y: real[N, 2]
            net f = mlp(1 -> 4 -> 2, act: tanh)
            plate n in N { y[n] ~ MvNormal(f(x[n]), I(2)) }
            """, """{ "x": [[-1], [0], [1]], "y": [[1, 0], [0, 1], [1, 1]] }""");
        var (exit, output, error) = Run("sample", model, "--from", "posterior", "-n", "5", "--seed", "2");
        Assert.True(exit == 0, error);
        Assert.Contains("no replicated draws of 'y': ", error, StringComparison.Ordinal);
        Assert.Contains("MvNormal", error, StringComparison.Ordinal);
        Assert.Contains("nothing to draw", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
