using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Building;
using Ppl.Inference.Vmp.Factors;

namespace Ppl.Inference.Vmp.Summaries;

/// <summary>
/// The posterior predictive of an unobserved node x ~ Normal(m, precision τ) that mirrors data
/// (<c>y_new</c>), m affine in the Gaussian latents. With E[m] and the epistemic variance
/// Var[m] = Σ cⱼ² Var[vⱼ] + xᵀΣx (Bishop 2006, eqs 3.58–3.59: σ² = 1/β + φᵀS_Nφ):
/// known τ gives Normal(E[m], 1/τ + Var[m]), exact. With a Gamma(a, b) τ the predictive under q,
/// ∫ N(y | E[m], Var[m] + 1/τ) Gamma(τ | a, b) dτ, is a Student-t only when Var[m] = 0 (ν = 2a, scale² = b/a;
/// Bishop 2006, eq. 2.161); otherwise it is a scale mixture whose mean E[m] and variance
/// Var[m] + b/(a − 1) (a &gt; 1) are exact. It is reported as the Student-t with ν = 2a whose mean and
/// variance are those exact ones: scale² = b/a + Var[m]·(a − 1)/a, so that scale²·ν/(ν − 2) = Var[m] + b/(a − 1);
/// its quantiles are the approximation (for a ≤ 1, where no variance exists, scale² = b/a + Var[m]).
/// </summary>
/// <param name="Node">The predicted node.</param>
/// <param name="Grid">Its plates.</param>
/// <param name="Mean">Its mean in affine form.</param>
/// <param name="Precision">Its precision on the grid.</param>
internal sealed record NormalPrediction(RandomNode Node, PlateGrid Grid, AffineMean Mean, PrecisionSource Precision)
{
    /// <summary>The summary.</summary>
    /// <returns>The posterior predictive.</returns>
    public Posterior Summarise()
    {
        var cells = Grid.Count;
        var mean = Mean.Offset?.OnGrid(Grid) is { } o ? (double[])o.Clone() : new double[cells];
        var epistemic = new double[cells];
        foreach (var term in Mean.Terms)
        {
            var map = Grid.MapTo(term.Variable.Grid);
            var c = term.Coefficient?.OnGrid(Grid);
            for (var f = 0; f < cells; f++)
            {
                var k = c is null ? 1 : c[f];
                mean[f] += k * term.Variable.Mean[map[f]];
                epistemic[f] += k * k * term.Variable.Variance[map[f]];
            }
        }

        if (Mean.Design is { } design)
        {
            var w = design.Weights;
            var d = w.Dimension;
            var x = design.Design.Values;
            for (var f = 0; f < cells; f++)
            {
                var row = x.AsSpan(f * d, d);
                mean[f] += System.Numerics.Tensors.TensorPrimitives.Dot(row, w.Mean);
                epistemic[f] += Variables.SpdMatrix.Bilinear(w.Covariance, row, row);
            }
        }

        int[] shape = [.. Grid.Sizes];
        var aleatoric = new double[cells];
        Posterior posterior;
        if (Precision.Gamma is { } gamma)
        {
            var map = Grid.MapTo(gamma.Grid);
            var nu = new double[cells];
            var scale = new double[cells];
            for (var f = 0; f < cells; f++)
            {
                var a = gamma.Shape[map[f]];
                var b = gamma.Rate[map[f]];
                nu[f] = 2 * a;
                scale[f] = Math.Sqrt(b / a + epistemic[f] * (a > 1 ? (a - 1) / a : 1));
                aleatoric[f] = a > 1 ? Math.Sqrt(b / (a - 1)) : double.PositiveInfinity;
            }

            posterior = PosteriorSummaries.StudentT(Node.Name, shape, nu, mean, scale);
        }
        else
        {
            var sd = new double[cells];
            for (var f = 0; f < cells; f++)
            {
                var variance = 1 / Precision.Expected(f);
                aleatoric[f] = Math.Sqrt(variance);
                sd[f] = Math.Sqrt(variance + epistemic[f]);
            }

            posterior = PosteriorSummaries.Normal(Node.Name, shape, mean, sd);
        }

        return posterior with
        {
            IsPrediction = true,
            AleatoricSd = new NdArray(shape, aleatoric),
            EpistemicSd = new NdArray(shape, [.. epistemic.Select(Math.Sqrt)]),
        };
    }
}
