using Ppl.StdLib.LinearAlgebra;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>
/// Type-II maximum likelihood for the linear-regression pattern w ~ Normal(m₀, precision: α),
/// y ~ Normal(X @ w, precision: β) with α and β params: MacKay's fixed point (Bishop 2006, §3.5.2),
/// with the eigenvalues of XᵀX computed once,
/// γ = Σᵢ λᵢ / (α + λᵢ), λᵢ = β·eig(XᵀX) (eq. 3.91); α = γ / ‖m − m₀‖² (eq. 3.92);
/// β = (N − γ) / ‖y − Xm‖² (eq. 3.95). It reaches the same optimum as the EM re-estimates, in far fewer steps.
/// </summary>
internal sealed class EvidenceFixedPoint
{
    private readonly GaussianVectorPriorFactor _prior;
    private readonly LinearRegressionFactor _likelihood;
    private readonly double[] _gramEigenvalues;

    private EvidenceFixedPoint(GaussianVectorPriorFactor prior, LinearRegressionFactor likelihood)
    {
        _prior = prior;
        _likelihood = likelihood;
        var d = likelihood.Statistics.Dimension;
        _gramEigenvalues = SymmetricEigenDecomposition.Decompose(new Matrix(d, d, (double[])likelihood.Statistics.Gram.Clone())).Values.ToArray();
    }

    /// <summary>The fixed point when the factors are the pattern with both precisions params, else null.</summary>
    /// <param name="factors">Every factor of the model.</param>
    /// <param name="params">The params.</param>
    /// <returns>The fitter or null.</returns>
    public static EvidenceFixedPoint? TryCreate(IReadOnlyList<VmpFactor> factors, IReadOnlyList<ParamCell> @params)
    {
        if (factors.Count != 2 || @params.Count != 2
            || factors.OfType<GaussianVectorPriorFactor>().SingleOrDefault() is not { ScalarPrecision.Param: not null } prior
            || factors.OfType<LinearRegressionFactor>().SingleOrDefault() is not { Precision.Param: not null } likelihood
            || prior.Weights != likelihood.Weights || prior.ScalarPrecision!.Param == likelihood.Precision.Param)
        {
            return null;
        }

        return new EvidenceFixedPoint(prior, likelihood);
    }

    /// <summary>One step of the fixed point from the current posterior of w.</summary>
    public void Fit()
    {
        var alpha = _prior.ScalarPrecision!.Param!;
        var beta = _likelihood.Precision.Param!;
        var w = _likelihood.Weights;
        var gamma = 0.0;
        foreach (var eigenvalue in _gramEigenvalues)
        {
            var lambda = beta.Value * eigenvalue;
            gamma += lambda / (alpha.Value + lambda);
        }

        var zero = new double[w.Covariance.Length];
        var residual = _likelihood.Statistics.ExpectedSquaredResidual(w.Mean, zero);
        var weightNorm = _prior.SquaredDistanceOfMean();
        alpha.Value = gamma / weightNorm;
        beta.Value = (_likelihood.Statistics.Count - gamma) / residual;
    }
}
