using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// The fitted posterior predictive of an observed regression target at its own inputs, for
/// <c>ppl infer --plot</c>'s predictive band: for a scalar <c>y[n] ~ Normal(m, s)</c> in one plate,
/// <see cref="Passes"/> passes of the fitted program over the whole data (guide draws, Bayes-by-Backprop
/// weights and dropout masks resampled each time) give per point the predictive mean E[m], the
/// aleatoric sd √E[s²] and the epistemic sd √Var(m) (Kendall and Gal 2017, eq. 9); the band is the
/// Normal with the total variance, E[s²] + Var(m).
/// </summary>
internal static class RegressionFits
{
    /// <summary>Passes over the data.</summary>
    private const int Passes = 100;

    /// <summary>
    /// Larger plates are not fitted: a plot would not show more points, and 100 full-data passes over a
    /// large training set would add noticeably to the run (and to benchmarks timed through the backend).
    /// </summary>
    private const int MaxPoints = 5_000;

    /// <summary>z such that Φ(z) = 0.95.</summary>
    private const double Z95 = 1.6448536269514722;

    /// <summary>One fit per scalar Normal observed node in one plate.</summary>
    /// <param name="program">The fitted program.</param>
    /// <param name="model">The model IR.</param>
    /// <param name="random">The random stream.</param>
    public static IReadOnlyList<Posterior> Compute(SviProgram program, ModelIr model, RandomSource random)
    {
        var targets = model.Nodes.OfType<RandomNode>()
            .Where(r => r.IsObserved && r.Plates.Length == 1 && r.Type.Shape.Rank == 0 && r.Distribution.Family == "Normal"
                && r.Distribution.Arguments.Length == 2 && program.PlateSize(r.Plates[0]) <= MaxPoints)
            .ToList();
        var fits = new List<Posterior>();
        using var noGrad = Tensor.NoGrad();
        foreach (var target in targets)
        {
            var plate = target.Plates[0];
            var n = program.PlateSize(plate);
            var frame = program.Frame(new Dictionary<string, int[]> { [plate] = [.. Enumerable.Range(0, n)] }, 1, 1);
            var sum = new double[n];
            var sumSquares = new double[n];
            var noise = new double[n];
            var complete = true;
            for (var pass = 0; pass < Passes && complete; pass++)
            {
                program.Run(frame, random, dropout: true);
                var arguments = program.Arguments(target);
                var mean = arguments[0].ToArray();
                var scale = arguments[1].ToArray();
                if (mean.Length != n || (scale.Length != n && scale.Length != 1))
                {
                    complete = false;
                    break;
                }
                for (var i = 0; i < n; i++)
                {
                    sum[i] += mean[i];
                    sumSquares[i] += mean[i] * mean[i];
                    noise[i] += Variance(target.Distribution.Parameterisation, scale[scale.Length == 1 ? 0 : i]);
                }
            }
            if (complete)
            {
                fits.Add(Fit(target.Name, sum, sumSquares, noise));
            }
        }
        return fits;
    }

    /// <summary>The noise variance from Normal's second argument in its parameterisation.</summary>
    private static double Variance(string parameterisation, double value) => parameterisation switch
    {
        "var" => value,
        "precision" => 1 / value,
        _ => value * value,
    };

    private static Posterior Fit(string name, double[] sum, double[] sumSquares, double[] noise)
    {
        var n = sum.Length;
        var mean = sum.Select(s => s / Passes).ToArray();
        var epistemic = mean.Select((m, i) => Math.Sqrt(Math.Max(sumSquares[i] / Passes - m * m, 0))).ToArray();
        var aleatoric = noise.Select(v => Math.Sqrt(v / Passes)).ToArray();
        var sd = aleatoric.Select((a, i) => Math.Sqrt(a * a + epistemic[i] * epistemic[i])).ToArray();
        NdArray Nd(double[] values) => new([n], values);
        return new Posterior(name, "Normal", new Dictionary<string, NdArray> { ["mean"] = Nd(mean), ["sd"] = Nd(sd) },
            Nd(mean), Nd(sd),
            Nd([.. mean.Select((m, i) => m - Z95 * sd[i])]), Nd([.. mean]), Nd([.. mean.Select((m, i) => m + Z95 * sd[i])]))
        {
            IsPrediction = true,
            AleatoricSd = Nd(aleatoric),
            EpistemicSd = Nd(epistemic),
        };
    }
}
