using Ppl.Compiler.Ir;
using Ppl.Tensors;
using Dirichlet = Ppl.StdLib.Distributions.Dirichlet;
using Multinomial = Ppl.StdLib.Distributions.Multinomial;
using MvNormal = Ppl.StdLib.Distributions.MvNormal;

namespace Ppl.Inference.Svi;

/// <summary>The vector families' log-densities for a site, through StdLib's one tensor definition of each.</summary>
internal sealed partial class SviProgram
{
    /// <summary>True for the vector families scored by <see cref="VectorLogDensity"/>.</summary>
    private static bool IsVectorFamily(string family) => family is "MvNormal" or "Dirichlet" or "Multinomial";

    /// <summary>
    /// log p(x) of a vector site laid out [plates…, K], one value per plate position: the vector parameters are
    /// aligned to the site's plates (size-one axes broadcast); an MvNormal's matrix is shared when it has no
    /// plates, else broadcast to one D×D matrix per row.
    /// </summary>
    private Tensor VectorLogDensity(RandomNode r, Tensor x)
    {
        var d = r.Distribution;
        switch (d.Family)
        {
            case "Dirichlet":
                return Dirichlet.LogDensity(x, _ev.EvaluateAligned(d.Arguments[0], r.Plates, 1));
            case "Multinomial":
                return Multinomial.LogDensity(x, _ev.EvaluateAligned(d.Arguments[1], r.Plates, 1));
            default:
                var mean = _ev.EvaluateAligned(d.Arguments[0], r.Plates, 1);
                var matrix = d.Arguments[1].Plates.Length == 0
                    ? _ev.Evaluate(d.Arguments[1])
                    : RowMatrices(_ev.EvaluateAligned(d.Arguments[1], r.Plates, 2), x);
                return d.Parameterisation == "precision"
                    ? MvNormal.LogDensityFromPrecision(x, mean, matrix)
                    : MvNormal.LogDensityFromCovariance(x, mean, matrix);
        }
    }

    /// <summary>[plates…, D, D] (with size-one plate axes) broadcast to x's plates and flattened to [N, D, D].</summary>
    private Tensor RowMatrices(Tensor matrices, Tensor x)
    {
        var dim = x.Size(-1);
        int[] full = [.. x.Shape[..^1], dim, dim];
        var rows = x.Length / dim;
        return (matrices + Tensor.Zeros(_ev.DType, full)).Reshape(rows, dim, dim);
    }
}
