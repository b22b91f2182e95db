using Ppl.Compiler.Binding;
using Ppl.Inference.Results;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// Evaluation of a fitted guide: the ELBO of held-out data under the final parameters, and the
/// importance-weighted bound on log p(x) (Burda et al. 2016).
/// </summary>
internal static class SviEvaluation
{
    /// <summary>Independent IWAE estimates averaged for the reported value and its standard error.</summary>
    public const int IwaeRepeats = 10;

    /// <summary>
    /// Independent per-data-point estimates: two give every data point a variance estimate, and the
    /// N of them pooled make the standard error of the sum precise, at twice the cost of one pass.
    /// </summary>
    public const int PerDataPointRepeats = 2;

    /// <summary>Rows (k × data points) of one pass of the per-data-point bound.</summary>
    public const int RowsPerPass = 4096;

    /// <summary>
    /// The full-data ELBO of <paramref name="heldOut"/> under the trained guide and params: the model
    /// compiled on the held-out data, the trained tensors copied in, and evaluated as the training
    /// ELBO is (<see cref="SviTrainer.FullDataElbo"/>).
    /// </summary>
    public static double HeldOutElbo(InferenceRequest request, BoundData heldOut, SviProgram trained, RandomSource random)
    {
        var options = request.Options;
        var dtype = options.DoublePrecision ? DType.Float64 : DType.Float32;
        var program = new SviProgram(request.Model, heldOut, dtype, options.Guide, random.Split(), options.GuideRank);
        program.CopyTrainedFrom(trained);
        return new SviTrainer(program, options, random, request.Model).FullDataElbo();
    }

    /// <summary>
    /// IWAE_k = log (1/k) Σᵢ exp(log p(x, zᵢ) − log q(zᵢ)), zᵢ ~ q, over the whole data set (no
    /// subsampling, dropout off); the mean of <see cref="IwaeRepeats"/> independent estimates. With k = 1
    /// this is the ELBO's single-sample estimate; it increases in k towards log p(x) (Burda et al.
    /// 2016, theorem 1).
    /// </summary>
    public static ImportanceWeightedBound Iwae(SviProgram program, RandomSource random, int k, int repeats = IwaeRepeats)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (program.IsDelta)
        {
            throw ExpressionEvaluator.Unsupported("the IWAE bound with --guide delta (a point mass has no density to weight by)");
        }
        using var noGrad = Tensor.NoGrad();
        var frame = program.Frame([], 1, 1);
        var analytic = program.AnalyticKl;
        program.AnalyticKl = false;
        try
        {
            var estimates = new double[repeats];
            var logWeights = new double[k];
            for (var r = 0; r < repeats; r++)
            {
                for (var i = 0; i < k; i++)
                {
                    logWeights[i] = program.Run(frame, random, dropout: false).Elbo.Item();
                }
                estimates[r] = LogMeanExp(logWeights);
            }
            var mean = estimates.Average();
            double? se = repeats > 1
                ? Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (repeats - 1) / repeats)
                : null;
            return new ImportanceWeightedBound(k, mean, se, repeats);
        }
        finally
        {
            program.AnalyticKl = analytic;
        }
    }

    /// <summary>
    /// The per-data-point bound Σₙ log (1/k) Σᵢ exp(log p(xₙ, zₙᵢ) − log q(zₙᵢ | xₙ)), zₙᵢ ~ q, over
    /// every position of <paramref name="plate"/> (from <see cref="SviProgram.PerDataPointPlate"/>):
    /// valid because log p(x) = Σₙ log p(xₙ) when the positions are independent given the params,
    /// and each term is Burda et al.'s (2016, eq. 8) bound on its own data point, as PyTorch's IWAE
    /// evaluation of a VAE computes it. Chunks of C positions run as one pass with the chunk tiled k
    /// times along the plate (k·C ≈ <see cref="RowsPerPass"/> rows), weight 1, dropout off.
    /// The value is the mean of <paramref name="repeats"/> independent estimates; its standard error
    /// is √(Σₙ s²ₙ / R), sₙ² the sample variance of data point n's R estimates (the N terms are
    /// independent, so their variances add). What depends on no draw (the encoder net) is evaluated
    /// once per data point and its rows repeated k times (<see cref="PlateFrame.WithRepeats"/>)
    /// unless <paramref name="reuseRows"/> is false, which evaluates every row — the same numbers
    /// up to the GEMM's rounding (bit for bit when both take the same GEMM path, as on the VAE).
    /// </summary>
    public static ImportanceWeightedBound PerDataPointIwae(SviProgram program, string plate, RandomSource random, int k, int repeats = PerDataPointRepeats, bool reuseRows = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        if (program.IsDelta)
        {
            throw ExpressionEvaluator.Unsupported("the IWAE bound with --guide delta (a point mass has no density to weight by)");
        }
        using var noGrad = Tensor.NoGrad();
        var n = program.PlateSize(plate);
        var chunk = Math.Clamp(RowsPerPass / k, 1, n);
        var estimates = new double[repeats, n];
        var global = new double[repeats];
        var pool = new BufferPool();
        var analytic = program.AnalyticKl;
        program.AnalyticKl = false;
        try
        {
            var logWeights = new double[k];
            for (var r = 0; r < repeats; r++)
            {
                for (var start = 0; start < n; start += chunk)
                {
                    using var scope = TensorScope.Begin(pool);
                    var count = Math.Min(chunk, n - start);
                    var tiled = new int[k * count];
                    for (var i = 0; i < tiled.Length; i++)
                    {
                        tiled[i] = start + i % count;
                    }
                    var frame = program.Frame(new() { [plate] = tiled }, 1, (double)count / n);
                    if (reuseRows)
                    {
                        frame = frame.WithRepeats(plate, k);
                    }
                    var (perPoint, globalTerms) = program.RunPerDataPoint(frame, plate, random, k);
                    var w = perPoint.ToArray();
                    for (var c = 0; c < count; c++)
                    {
                        for (var i = 0; i < k; i++)
                        {
                            logWeights[i] = w[i * count + c];
                        }
                        estimates[r, start + c] = LogMeanExp(logWeights);
                    }
                    global[r] += globalTerms;
                }
            }
        }
        finally
        {
            program.AnalyticKl = analytic;
        }
        var total = 0.0;
        var variance = 0.0;
        for (var j = 0; j < n; j++)
        {
            var mean = 0.0;
            for (var r = 0; r < repeats; r++)
            {
                mean += estimates[r, j] / repeats;
            }
            total += mean;
            if (repeats > 1)
            {
                var ss = 0.0;
                for (var r = 0; r < repeats; r++)
                {
                    ss += (estimates[r, j] - mean) * (estimates[r, j] - mean);
                }
                variance += ss / (repeats - 1) / repeats;
            }
        }
        total += global.Average();
        return new ImportanceWeightedBound(k, total, repeats > 1 ? Math.Sqrt(variance) : null, repeats) { DataPoints = n };
    }

    /// <summary>log((1/n) Σ eˣⁱ) computed stably: m + log Σ e^{xᵢ − m} − log n, m = max xᵢ.</summary>
    internal static double LogMeanExp(ReadOnlySpan<double> x)
    {
        var m = double.NegativeInfinity;
        foreach (var v in x)
        {
            m = Math.Max(m, v);
        }
        if (double.IsNegativeInfinity(m))
        {
            return m;
        }
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += Math.Exp(v - m);
        }
        return m + Math.Log(sum) - Math.Log(x.Length);
    }
}
