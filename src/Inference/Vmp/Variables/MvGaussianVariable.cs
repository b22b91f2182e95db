using Ppl.Compiler.Ir;
using Ppl.Inference.Results;
using Ppl.Inference.Vmp.Summaries;
using Ppl.Inference.Vmp.Building;

namespace Ppl.Inference.Vmp.Variables;

/// <summary>
/// One global vector latent w: real[D] as a single multivariate Gaussian with a full covariance:
/// mean-field factorises between variables, never inside such a vector. Message layout:
/// [h = Λm (D) | Λ (D×D, row-major)], the natural parameters (Λm, −Λ/2) with the second stored as Λ.
/// </summary>
internal sealed class MvGaussianVariable : VmpVariable
{
    /// <summary>A variable that is N(0, I) until its first update.</summary>
    /// <param name="node">The latent node.</param>
    /// <param name="dimension">D.</param>
    public MvGaussianVariable(RandomNode node, int dimension)
        : base(node, PlateGrid.Scalar, dimension + dimension * dimension)
    {
        Dimension = dimension;
        Mean = new double[dimension];
        Covariance = new double[dimension * dimension];
        for (var i = 0; i < dimension; i++)
        {
            Covariance[i * dimension + i] = 1;
        }
    }

    /// <summary>D.</summary>
    public int Dimension { get; }

    /// <summary>E[w].</summary>
    public double[] Mean { get; }

    /// <summary>Cov[w], row-major D×D.</summary>
    public double[] Covariance { get; private set; }

    /// <summary>log |Cov[w]|.</summary>
    public double LogDeterminantOfCovariance { get; private set; }

    /// <summary>tr Cov[w] + ‖E[w]‖² = E[wᵀw].</summary>
    public double ExpectedSquaredNorm
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < Dimension; i++)
            {
                sum += Covariance[i * Dimension + i] + Mean[i] * Mean[i];
            }

            return sum;
        }
    }

    /// <summary>Sets q directly from a precision matrix and h = Λm (the closed-form solvers use it).</summary>
    /// <param name="natural">[h | Λ].</param>
    public void SetPosterior(double[] natural) => SetFromNatural(natural);

    /// <inheritdoc/>
    protected override void SetFromNatural(double[] natural)
    {
        var d = Dimension;
        var precision = natural.AsSpan(d, d * d);
        var factor = SpdMatrix.TryFactor(precision, d)
            ?? throw new VmpModelException($"the posterior precision of '{Name}' is not positive definite (an improper prior with too little data?)");
        natural.AsSpan(0, d).CopyTo(Mean);
        factor.Solve(Mean);
        Covariance = factor.Inverse();
        LogDeterminantOfCovariance = -factor.LogDeterminant;
    }

    /// <inheritdoc/>
    public override double Entropy() =>
        0.5 * Dimension * (1 + Math.Log(2 * Math.PI)) + 0.5 * LogDeterminantOfCovariance;

    /// <inheritdoc/>
    public override Posterior Summarise(int[] shape) => PosteriorSummaries.MvNormal(Name, Mean, Covariance);
}
