using Ppl.Tests.Shared;

namespace Ppl.Tensors.Tests.Autodiff;

/// <summary>
/// The Tensors tests' gradient check: <see cref="CentralDifferenceGradients"/> with h = 1e-6 and
/// tolerance 1e-6, every input required to take a gradient.
/// </summary>
internal static class CentralDifferenceCheck
{
    /// <summary>Checks every element of every input of <paramref name="f"/>; <paramref name="name"/> labels failures.</summary>
    public static void Assert(string name, Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor w)
    {
        Xunit.Assert.All(inputs, x => Xunit.Assert.True(x.RequiresGrad, $"{name}: every input must require a gradient"));
        CentralDifferenceGradients.Check(name, f, inputs, w, h: 1e-6, tolerance: 1e-6);
    }
}
