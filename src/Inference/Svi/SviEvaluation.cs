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
        if (program.LowRank is not null)
        {
            throw ExpressionEvaluator.Unsupported("the IWAE bound with --guide lowrank (its log q at a draw is not evaluated yet; use --guide normal)");
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
