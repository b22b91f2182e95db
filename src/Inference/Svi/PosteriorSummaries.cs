using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// Summaries of the fitted guide: latents of the automatic guide in the guide's own family with
/// closed-form summaries (<see cref="GuidePosterior"/>); latents of a user guide from 1,000 draws of
/// the guide; each prediction's mean and sd split into aleatoric (E[Var(y | θ)]) and epistemic (Var(E[y | θ])) parts (Kendall and Gal 2017, eq. 9).
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
    /// <param name="replicated">
    /// When given, also filled with a replicated draw of every observed node per pass
    /// (<see cref="SviProgram.DrawReplicate"/>), [passes, node shape…], row s from the same pass as
    /// row s of every posterior's draws; nodes too large to keep, or of a family that cannot be drawn,
    /// are left out with a note in <paramref name="notes"/>.
    /// </param>
    /// <param name="notes">Where the reasons for left-out replicates go.</param>
    public IReadOnlyList<Posterior> Posteriors(Dictionary<string, NdArray>? replicated = null, List<string>? notes = null)
    {
        using var noGrad = Tensor.NoGrad();
        var latents = _program.AutoLatents.Concat(_program.GuidedLatents)
            .Where(r => (!r.Plates.Any(_program.BatchedPlates.ContainsKey) || _options.Show.Contains(r.Name)))
            .ToList();
        var analytic = _program.AutoGuide.Where(a => latents.Contains(a.Node)).ToList();
        latents = [.. latents.Except(analytic.Select(a => a.Node))];
        var predicted = _program.Predicted.ToList();
        var result = analytic.Select(Analytic).ToList();
        if (_program.LowRank is { } lowRank)
        {
            result.AddRange(LowRankMarginals(lowRank));
        }
        foreach (var site in _program.DiscreteGuide.Where(d => !d.Node.Plates.Any(_program.BatchedPlates.ContainsKey) || _options.Show.Contains(d.Node.Name)))
        {
            var probabilities = site.Classes == 1 ? Tensor.Sigmoid(site.Logits) : site.Logits.Softmax(-1);
            int[] shape = IsScalar(site.Node) ? [] : [.. site.Logits.Shape[..(site.Classes == 1 ? site.Logits.Rank : site.Logits.Rank - 1)]];
            result.Add(GuidePosterior.SummariseDiscrete(site.Node.Name, shape, probabilities.ToArray(), site.Classes));
        }
        var observed = replicated is null ? [] : ReplicableObserved(notes);
        if (latents.Count + predicted.Count + observed.Count == 0)
        {
            return result;
        }
        var replicateRandom = observed.Count > 0 ? _random.Split() : null;
        var replicates = observed.ToDictionary(r => r.Name, _ => new List<double[]>());
        var frame = _program.Frame([], 1, 1);
        var samples = latents.Concat(predicted).ToDictionary(r => r.Name, _ => new List<double[]>());
        var means = predicted.ToDictionary(r => r.Name, _ => new List<double[]>());
        var variances = predicted.ToDictionary(r => r.Name, _ => new List<double[]>());
        var classProbabilities = predicted.ToDictionary(r => r.Name, _ => new List<double[]>());
        var classes = new Dictionary<string, int>();
        int[]? shapeOf(RandomNode r) => _program.Value(r.Name) is { } v ? v.Shape.ToArray() : null;
        var shapes = new Dictionary<string, int[]>();
        for (var s = 0; s < Draws; s++)
        {
            _program.Run(frame, _random, dropout: true, predict: true);
            foreach (var r in observed.ToList())
            {
                try
                {
                    replicates[r.Name].Add(_program.DrawReplicate(r, replicateRandom!).ToArray());
                }
                catch (SviUnsupportedException unsupported)
                {
                    notes?.Add($"no replicated draws of '{r.Name}': {unsupported.Message}");
                    observed.Remove(r);
                    replicates.Remove(r.Name);
                }
            }
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
                if (_program.ClassProbabilities(r) is var (probabilities, classCount) && probabilities.Length <= MaxReportedElements)
                {
                    classProbabilities[r.Name].Add(probabilities);
                    classes[r.Name] = classCount;
                }
                if (Ppl.StdLib.Distributions.FamilyDensities.Moments(r.Distribution.Family, r.Distribution.Parameterisation, _program.Arguments(r)) is var (m, v))
                {
                    means[r.Name].Add(m.ToArray());
                    variances[r.Name].Add(v.ToArray());
                }
            }
        }
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
                if (classProbabilities[r.Name].Count == Draws)
                {
                    var split = ClassificationUncertainty.FromDraws(classProbabilities[r.Name], classes[r.Name]);
                    posterior = posterior with
                    {
                        PredictiveEntropy = new NdArray(shapes[r.Name], split.PredictiveEntropy),
                        ExpectedEntropy = new NdArray(shapes[r.Name], split.ExpectedEntropy),
                        MutualInformation = new NdArray(shapes[r.Name], split.MutualInformation),
                    };
                }
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
        foreach (var r in observed)
        {
            replicated![r.Name] = new NdArray([Draws, .. _program.DataTensor(r.Name).Shape], [.. replicates[r.Name].SelectMany(v => v)]);
        }
        return result;
    }

    /// <summary>
    /// The observed nodes whose replicates fit in memory (<see cref="MaxKeptDrawValues"/> values over
    /// all passes); the others get a note.
    /// </summary>
    private List<RandomNode> ReplicableObserved(List<string>? notes)
    {
        var kept = new List<RandomNode>();
        foreach (var r in _program.Observed)
        {
            var size = _program.DataTensor(r.Name).Length;
            if ((long)size * Draws > MaxKeptDrawValues)
            {
                notes?.Add($"no replicated draws of '{r.Name}': {size:N0} values × {Draws:N0} draws is more than the {MaxKeptDrawValues:N0} kept");
                continue;
            }
            kept.Add(r);
        }
        return kept;
    }

    /// <summary>An automatic-guide latent in its guide's family, summarised in closed form (<see cref="GuidePosterior"/>).</summary>
    private Posterior Analytic(SviProgram.AutoSite site)
    {
        var loc = site.Loc.ToArray();
        var scale = site.Rho is { } rho ? [.. rho.ToArray().Select(Softplus)] : (double[]?)null;
        int[] shape = IsScalar(site.Node) ? [] : [.. site.Loc.Shape];
        return GuidePosterior.Summarise(site.Node.Name, shape, site.Transform, loc, scale);
    }

    /// <summary>
    /// The low-rank guide's latents: each marginal of N(loc, Σ) is Normal(locᵢ, √Σᵢᵢ), pushed through
    /// the latent's transform, so the closed-form summaries apply; the block of Σ is the covariance.
    /// </summary>
    private static IEnumerable<Posterior> LowRankMarginals(LowRankGuide guide)
    {
        var loc = guide.Loc.ToArray();
        var cov = guide.Covariance();
        var d = guide.Dimension;
        foreach (var (node, transform, offset, shape) in guide.Sites)
        {
            var count = shape.Aggregate(1, (a, b) => a * b);
            var scale = new double[count];
            var block = new double[count * count];
            for (var i = 0; i < count; i++)
            {
                scale[i] = Math.Sqrt(cov[(offset + i) * d + offset + i]);
                for (var j = 0; j < count; j++)
                {
                    block[i * count + j] = cov[(offset + i) * d + offset + j];
                }
            }
            var posterior = GuidePosterior.Summarise(node.Name, IsScalar(node) ? [] : shape, transform, loc[offset..(offset + count)], scale);
            yield return posterior with { Covariance = new NdArray([count, count], block) };
        }
    }

    /// <summary>A latent without plates and of rank 0 is reported as a bare number (its tensors hold one element).</summary>
    private static bool IsScalar(RandomNode node) => node.Plates.Length == 0 && node.Type.Shape.Rank == 0;

    /// <summary>softplus(ρ) = log(1 + e^ρ), computed without overflow.</summary>
    internal static double Softplus(double rho) => rho > 30 ? rho : Math.Log(1 + Math.Exp(rho));

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
                    var sd = Softplus(rho[j]);
                    snr.Add(Math.Abs(mu[j]) / sd);
                }
            }
            snr.Sort();
            result[$"{net}.snr.mean"] = snr.Average();
            result[$"{net}.snr.median"] = snr[snr.Count / 2];
        }
        return result;
    }

    /// <summary>|μ|/softplus(ρ) of every weight of each Bayes-by-Backprop net, by tensor: <c>net.W1</c>, <c>net.b1</c>, ….</summary>
    public IReadOnlyDictionary<string, NdArray> SignalToNoise()
    {
        var result = new Dictionary<string, NdArray>();
        foreach (var (net, locs, rhos) in _program.BayesNets)
        {
            for (var i = 0; i < locs.Length; i++)
            {
                var mu = locs[i].ToArray();
                var rho = rhos[i].ToArray();
                var snr = new double[mu.Length];
                for (var j = 0; j < mu.Length; j++)
                {
                    snr[j] = Math.Abs(mu[j]) / Softplus(rho[j]);
                }
                // Locs alternate weight matrix, bias vector per layer (SviProgram.AddNet).
                var name = $"{net}.{(i % 2 == 0 ? "W" : "b")}{i / 2 + 1}";
                result[name] = new NdArray([.. locs[i].Shape], snr);
            }
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
        return new Posterior(name, "Samples", new Dictionary<string, NdArray>(), Nd(mean), Nd(sd), Nd(q05), Nd(q50), Nd(q95))
        {
            Summary = GuidePosterior.Draws,
        };
    }
}
