using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// Summaries of the fitted guide by Monte Carlo: each reported latent's mean, sd and quantiles from
/// draws of the guide, and each prediction's mean and sd split into aleatoric (E[Var(y | θ)]) and
/// epistemic (Var(E[y | θ])) parts (Kendall and Gal 2017, eq. 9).
/// </summary>
internal sealed class PosteriorSummaries
{
    private const int Draws = 1000;
    private const int MaxReportedElements = 20_000;
    private const int MaxKeptDrawValues = 2_000_000;
    private readonly SviProgram _program;
    private readonly RandomSource _random;
    private readonly InferenceOptions _options;

    /// <summary>Creates the summaries.</summary>
    public PosteriorSummaries(SviProgram program, RandomSource random, InferenceOptions options)
    {
        _program = program;
        _random = random;
        _options = options;
    }

    /// <summary>Latents (global ones, and local ones asked for) and predictions.</summary>
    public IReadOnlyList<Posterior> Posteriors()
    {
        using var noGrad = Tensor.NoGrad();
        var latents = _program.AutoLatents.Concat(_program.GuidedLatents)
            .Where(r => (!r.Plates.Any(_program.BatchedPlates.ContainsKey) || _options.Show.Contains(r.Name)))
            .ToList();
        var predicted = _program.Predicted.ToList();
        if (latents.Count + predicted.Count == 0)
        {
            return [];
        }
        var frame = _program.Frame([], 1, 1);
        var samples = latents.Concat(predicted).ToDictionary(r => r.Name, _ => new List<double[]>());
        var means = predicted.ToDictionary(r => r.Name, _ => new List<double[]>());
        var variances = predicted.ToDictionary(r => r.Name, _ => new List<double[]>());
        int[]? shapeOf(RandomNode r) => _program.Value(r.Name) is { } v ? v.Shape.ToArray() : null;
        var shapes = new Dictionary<string, int[]>();
        for (var s = 0; s < Draws; s++)
        {
            _program.Run(frame, _random, dropout: true, predict: true);
            foreach (var r in latents.Concat(predicted))
            {
                var value = _program.Value(r.Name)!;
                if (value.Length > MaxReportedElements)
                {
                    continue;
                }
                shapes[r.Name] = r.Plates.Length == 0 && r.Type.Shape.Rank == 0 ? [] : shapeOf(r)!;
                samples[r.Name].Add(value.ToArray());
            }
            foreach (var r in predicted)
            {
                if (TensorDensities.Moments(r.Distribution.Family, r.Distribution.Parameterisation, _program.Arguments(r)) is var (m, v))
                {
                    means[r.Name].Add(m.ToArray());
                    variances[r.Name].Add(v.ToArray());
                }
            }
        }
        var result = new List<Posterior>();
        foreach (var r in latents.Concat(predicted))
        {
            if (samples[r.Name].Count == 0)
            {
                continue;
            }
            var posterior = Summarise(r.Name, shapes[r.Name], samples[r.Name]);
            if (samples[r.Name].Count == Draws && samples[r.Name][0].Length * Draws <= MaxKeptDrawValues)
            {
                // The guide draws themselves, for `ppl sample --from posterior` (row s of every variable is pass s).
                posterior = posterior with { Draws = new NdArray([Draws, .. shapes[r.Name]], [.. samples[r.Name].SelectMany(v => v)]) };
            }
            if (predicted.Contains(r))
            {
                posterior = posterior with { IsPrediction = true };
                if (means[r.Name].Count == Draws)
                {
                    var epistemic = Moments(means[r.Name]).Sd;
                    var aleatoric = Moments(variances[r.Name]).Mean.Select(Math.Sqrt).ToArray();
                    posterior = posterior with
                    {
                        EpistemicSd = new NdArray(shapes[r.Name], epistemic),
                        AleatoricSd = new NdArray(shapes[r.Name], aleatoric),
                    };
                }
            }
            result.Add(posterior);
        }
        return result;
    }

    /// <summary>Model params at their final values.</summary>
    public IReadOnlyList<ParamEstimate> Params()
    {
        using var noGrad = Tensor.NoGrad();
        // A scalar param keeps shape [] in the result (the JSON contract writes it as a bare number).
        return [.. _program.ModelParams.Select(p => new ParamEstimate(p.Name,
            new NdArray(_program.IsScalarParam(p.Name) && p.Value.Length == 1 ? [] : p.Value.Shape.ToArray(), p.Value.ToArray())))];
    }

    /// <summary>For Bayes-by-Backprop nets: the mean and median signal-to-noise ratio |μ|/σ of the weights (Blundell et al. 2015, §5.1).</summary>
    public IReadOnlyDictionary<string, double> Diagnostics()
    {
        var result = new Dictionary<string, double>();
        foreach (var (net, locs, rhos) in _program.BayesNets)
        {
            var snr = new List<double>();
            for (var i = 0; i < locs.Length; i++)
            {
                var mu = locs[i].ToArray();
                var rho = rhos[i].ToArray();
                for (var j = 0; j < mu.Length; j++)
                {
                    var sd = rho[j] > 30 ? rho[j] : Math.Log(1 + Math.Exp(rho[j]));
                    snr.Add(Math.Abs(mu[j]) / sd);
                }
            }
            snr.Sort();
            result[$"{net}.snr.mean"] = snr.Average();
            result[$"{net}.snr.median"] = snr[snr.Count / 2];
        }
        return result;
    }

    private static (double[] Mean, double[] Sd) Moments(List<double[]> draws)
    {
        var n = draws[0].Length;
        var mean = new double[n];
        var sd = new double[n];
        foreach (var d in draws)
        {
            for (var i = 0; i < n; i++)
            {
                mean[i] += d[i] / draws.Count;
            }
        }
        foreach (var d in draws)
        {
            for (var i = 0; i < n; i++)
            {
                sd[i] += (d[i] - mean[i]) * (d[i] - mean[i]) / (draws.Count - 1);
            }
        }
        return (mean, [.. sd.Select(Math.Sqrt)]);
    }

    private static Posterior Summarise(string name, int[] shape, List<double[]> draws)
    {
        var (mean, sd) = Moments(draws);
        var n = mean.Length;
        double[] q05 = new double[n], q50 = new double[n], q95 = new double[n];
        var column = new double[draws.Count];
        for (var i = 0; i < n; i++)
        {
            for (var s = 0; s < draws.Count; s++)
            {
                column[s] = draws[s][i];
            }
            Array.Sort(column);
            q05[i] = column[(int)(0.05 * (column.Length - 1))];
            q50[i] = column[(int)(0.50 * (column.Length - 1))];
            q95[i] = column[(int)(0.95 * (column.Length - 1))];
        }
        NdArray Nd(double[] v) => new(shape, v);
        return new Posterior(name, "Samples", new Dictionary<string, NdArray>(), Nd(mean), Nd(sd), Nd(q05), Nd(q50), Nd(q95));
    }
}
