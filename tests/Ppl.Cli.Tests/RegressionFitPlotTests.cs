using System.Globalization;
using System.Xml.Linq;
using Ppl.Cli.Commands;
using Ppl.Compiler.Planning;
using Ppl.Inference;

namespace Ppl.Cli.Tests;

/// <summary>
/// The predictive band of a 1-D regression fitted by SVI: for y[n] ~ Normal(w x[n], 0.5) with a
/// Normal guide on w, the fit's aleatoric sd is the noise sd 0.5 and its epistemic sd is |x[n]| times
/// one sd of w across the same passes, so epistemic / |x| is the same at every point.
/// </summary>
public sealed class RegressionFitPlotTests
{
    private static string WriteModel()
    {
        var directory = Directory.CreateTempSubdirectory("ppl-fit-");
        var path = Path.Combine(directory.FullName, "line.ppl");
        File.WriteAllText(path, "data x: real[N]\ndata y: real[N]\nw ~ Normal(0, 1)\nplate n in N { y[n] ~ Normal(w * x[n], 0.5) }\n");
        double[] xs = [-2, -1, -0.5, 0.5, 1, 1.5, 2, 3];
        var ys = xs.Select(x => (0.7 * x).ToString("R", CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(directory.FullName, "line.json"),
            $$"""{ "x": [{{string.Join(", ", xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))}}], "y": [{{string.Join(", ", ys)}}] }""");
        return path;
    }

    [Fact]
    public void Svi_fit_splits_the_noise_from_the_uncertainty_of_the_weights()
    {
        var model = WriteModel();
        using var error = new StringWriter();
        var options = new InferenceOptions { Seed = 3, Steps = 200 };
        var (exit, _, result) = InferCommand.Execute(PplApp.Backends(), model, [], Backend.Svi, options, error);
        Assert.True(exit == 0, error.ToString());
        var fit = Assert.Single(result!.Fits);
        Assert.Equal("y", fit.Name);
        Assert.True(fit.IsPrediction);
        double[] xs = [-2, -1, -0.5, 0.5, 1, 1.5, 2, 3];
        // Aleatoric: the Normal's sd 0.5 at every point (float32 arithmetic).
        Assert.All(fit.AleatoricSd!.Values, a => Assert.Equal(0.5, a, 1e-5));
        // Epistemic: sd over passes of w x[n] = |x[n]| sd(w), one sd(w) for all points.
        var perUnit = fit.EpistemicSd!.Values.Select((e, i) => e / Math.Abs(xs[i])).ToArray();
        Assert.True(perUnit[0] > 0.01, $"sd(w) estimate {perUnit[0]}");
        Assert.All(perUnit, u => Assert.Equal(perUnit[0], u, 1e-4 + 1e-3 * perUnit[0]));
        // The band is the Normal with the total variance.
        for (var i = 0; i < xs.Length; i++)
        {
            var total = Math.Sqrt(0.25 + fit.EpistemicSd.Values[i] * fit.EpistemicSd.Values[i]);
            Assert.Equal(fit.Mean.Values[i] + 1.6448536269514722 * total, fit.Q95.Values[i], 1e-9);
        }
    }

    [Fact]
    public void Plot_draws_the_fit_against_its_input()
    {
        var model = WriteModel();
        var outDir = Path.Combine(Path.GetDirectoryName(model)!, "out");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(["infer", model, "--method", "svi", "--steps", "50", "--out", outDir, "--plot"], output, error);
        Assert.True(exit == 0, error.ToString());
        var svg = XDocument.Load(Path.Combine(outDir, "predictive-y.svg"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains(texts, t => t.Contains("inner band: epistemic", StringComparison.Ordinal));
        Assert.Contains("x", texts);
    }
}
