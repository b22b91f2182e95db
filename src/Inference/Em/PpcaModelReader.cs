using Ppl.Compiler.Analysis;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;

namespace Ppl.Inference.Em;

/// <summary>The names and data of a PPCA model: <c>x[n] ~ Normal(W @ z[n] + mu, var: sigma2)</c>.</summary>
/// <param name="Latent">The latent z.</param>
/// <param name="LoadingName">W.</param>
/// <param name="MeanName">mu.</param>
/// <param name="NoiseName">sigma2 (its parameterisation in <paramref name="Spread"/>).</param>
/// <param name="Spread">How the noise param is written: sd, var or precision.</param>
/// <param name="X">The N × D data, row-major.</param>
/// <param name="N">Rows.</param>
/// <param name="D">Columns.</param>
/// <param name="M">Latent dimension.</param>
internal sealed record PpcaModel(string Latent, string LoadingName, string MeanName, string NoiseName, SpreadParameter Spread, double[] X, int N, int D, int M);

/// <summary>Reads the linear-Gaussian pattern as probabilistic PCA from the IR.</summary>
internal static class PpcaModelReader
{
    /// <summary>Reads <paramref name="pattern"/>; any other linear-Gaussian shape is an <see cref="InferenceException"/>.</summary>
    public static PpcaModel Read(ModelIr model, LinearGaussianPattern pattern, BoundData data)
    {
        var latent = model.Nodes.OfType<RandomNode>().First(r => r.Name == pattern.Latent);
        var observed = model.Nodes.OfType<RandomNode>().Where(r => r.IsObserved && pattern.Factors.Contains(r.Name)).ToList();
        var x = observed.Count == 1 ? observed[0] : null;
        var distribution = x?.Distribution;
        string? loading = null, mean = null, noise = null;
        if (distribution is { Family: "Normal", Arguments.Length: 2 } && distribution.Arguments[0] is IrBinary { Function: BinaryFunction.Add } sum)
        {
            (loading, mean) = Split(sum.Left, sum.Right, latent.Name) ?? Split(sum.Right, sum.Left, latent.Name) ?? (null, null);
            noise = IrArguments.Param(distribution.Arguments[1]);
        }
        if (x is null || loading is null || mean is null || noise is null || latent.Type.Shape.Rank != 1)
        {
            throw EmDiagnostics.Error(EmDiagnostics.Unsupported,
                "em runs the linear-Gaussian pattern as probabilistic PCA: `z[n]: real[M] ~ Normal(0, 1)` and one observed `x[n] ~ Normal(W @ z[n] + mu, var: sigma2)` with params W, mu and sigma2",
                x?.Span ?? latent.Span);
        }
        var array = data[x.Name];
        var n = array.Shape[0];
        var d = array.Count / n;
        var m = IrArguments.Dimensions(model, data, latent.Type.Shape)[0];
        if (n < 2 || m >= d)
        {
            throw EmDiagnostics.Error(EmDiagnostics.Degenerate,
                $"probabilistic PCA needs N ≥ 2 points and a latent dimension M < D; here N = {n}, D = {d}, M = {m}",
                latent.Span);
        }
        var spread = distribution!.Parameterisation switch
        {
            "var" => SpreadParameter.Variance,
            "precision" => SpreadParameter.Precision,
            _ => SpreadParameter.Sd,
        };
        return new PpcaModel(latent.Name, loading, mean, noise, spread, array.Reals!, n, d, m);
    }

    private static (string? Loading, string? Mean)? Split(IrExpr product, IrExpr offset, string latent) =>
        product is IrMatMul { Left: var w, Right: var z } && IrArguments.Param(w) is { } loading && IrArguments.RefersTo(z, latent)
            && IrArguments.Param(offset) is { } mean
            ? (loading, mean)
            : null;
}
