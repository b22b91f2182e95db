using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tests.Shared;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// Reverse-mode gradients of a tensor function against central differences in float64: the loss is
/// Σ wᵢ fᵢ(x) with fixed random weights, so that every output element's gradient counts.
/// </summary>
internal static class CentralDifferences
{
    /// <summary>A float64 leaf of standard-normal entries (scaled and shifted).</summary>
    public static Tensor Input(ulong seed, double scale, double shift, params int[] shape)
    {
        var random = new RandomSource(seed);
        var n = shape.Aggregate(1, (a, b) => a * b);
        return Tensor.Parameter([.. Enumerable.Range(0, n).Select(_ => shift + scale * random.NextNormal())], DType.Float64, shape);
    }

    /// <summary>A symmetric positive-definite batch A = B Bᵀ + I built in the graph from B [.., D, D].</summary>
    public static Tensor Spd(Tensor b)
    {
        var d = b.Size(-1);
        var identity = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            identity[i * d + i] = 1;
        }
        return Tensor.MatMul(b, b.Transpose()) + Tensor.FromArray(identity, d, d);
    }

    public static void Check(string name, Func<Tensor[], Tensor> f, Tensor[] inputs, double h = 1e-6, double tolerance = 1e-6)
    {
        foreach (var x in inputs)
        {
            x.ZeroGrad();
        }
        var output = f(inputs);
        var w = Input(0xC0FFEE, 1, 0, [.. output.Shape]).Detach();
        CentralDifferenceGradients.Check(name, f, inputs, w, h, tolerance);
    }
}
