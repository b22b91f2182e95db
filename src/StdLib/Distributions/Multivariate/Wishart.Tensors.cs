using Ppl.Tensors;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>The Wishart log-density on autodiff tensors, batched over the leading (plate) axis.</summary>
public sealed partial class Wishart
{
    /// <summary>
    /// log W(X; ν, V) = ½(ν − D − 1) log |X| − ½ tr(V⁻¹X) − ½νD log 2 − ½ν log |V| − log Γ_D(ν/2)
    /// (Bishop 2006, eq. B.78) from its pieces, shared by the double and the tensor paths;
    /// log Γ_D(a) = ¼D(D − 1) log π + Σᵢ₌₁..D log Γ(a + (1 − i)/2).
    /// </summary>
    public static T LogDensityFromPieces<T>(T logDeterminant, T trace, T logDeterminantOfScale, double dof, int dimension)
        where T : IReal<T>
    {
        var d = dimension;
        return 0.5 * (dof - d - 1) * logDeterminant - 0.5 * trace - 0.5 * dof * logDeterminantOfScale
            - (0.5 * dof * d * LogConstants.LogTwo + SpecialFunctions.MultivariateLogGamma(0.5 * dof, d));
    }

    /// <summary>
    /// log W(X; ν, V) for <paramref name="x"/> [D, D] or [N, D, D] with the lower Cholesky factor of the scale
    /// <paramref name="scaleCholesky"/> [D, D] (shared) or [N, D, D], differentiable in X and the factor;
    /// tr(V⁻¹X) = ‖L_V⁻¹ L_X‖²_F and log |X| = 2 Σ log (L_X)ᵢᵢ from the Cholesky factor L_X of X.
    /// </summary>
    public static Tensor LogDensity(Tensor x, double dof, Tensor scaleCholesky)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(scaleCholesky);
        if (x.Rank is < 2 or > 3)
        {
            throw new ArgumentException($"{Name}: the value must be [D, D] or [N, D, D].", nameof(x));
        }
        var d = x.Size(-1);
        if (!(dof > d - 1) || !double.IsFinite(dof))
        {
            throw Guard.Fail(Name, "dof", $"must be greater than D − 1 = {d - 1}", dof);
        }
        var lx = x.Cholesky();
        var whitened = Tensor.SolveLower(scaleCholesky, lx);
        var matrices = x.Rank == 3 ? x.Size(0) : 1;
        var shape = x.Rank == 3 ? new[] { matrices } : [];
        var trace = Tensor.Square(whitened).Reshape(matrices, d * d).Sum(-1).Reshape(shape);
        var logDeterminant = 2.0 * Tensor.Log(lx.Diagonal()).Sum(-1);
        var logDeterminantOfScale = 2.0 * Tensor.Log(scaleCholesky.Diagonal()).Sum(-1);
        return LogDensityFromPieces(logDeterminant, trace, logDeterminantOfScale, dof, d);
    }
}
