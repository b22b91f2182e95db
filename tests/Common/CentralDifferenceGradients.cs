using Ppl.Tensors;

namespace Ppl.Tests.Shared;

/// <summary>
/// Backward() against central differences in float64, for the test projects that check gradients
/// (linked into each as source): loss = Σ wᵢ·fᵢ(x) with fixed weights w, so that every output
/// element's gradient counts; ∂loss/∂x from Backward() versus (loss(x + h) − loss(x − h)) / 2h, to
/// tolerance·(1 + |numeric|), for every element of every input that requires a gradient.
/// </summary>
internal static class CentralDifferenceGradients
{
    /// <summary>Runs the check; <paramref name="name"/> labels failures. Gradients of the inputs must start at zero.</summary>
    public static void Check(string name, Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor w, double h, double tolerance)
    {
        (f(inputs) * w).Sum().Backward();
        for (var i = 0; i < inputs.Length; i++)
        {
            var x = inputs[i];
            if (!x.RequiresGrad)
            {
                continue;
            }
            Assert.NotNull(x.Grad);
            var analytic = x.Grad!.ToArray();
            for (var j = 0; j < x.Length; j++)
            {
                var original = x[j];
                x[j] = original + h;
                var up = Loss(f, inputs, w);
                x[j] = original - h;
                var down = Loss(f, inputs, w);
                x[j] = original;
                var numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(analytic[j] - numeric) <= tolerance * (1 + Math.Abs(numeric)),
                    $"{name}: input {i} element {j}: backward {analytic[j]:R}, central difference {numeric:R}");
            }
        }
    }

    private static double Loss(Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor w)
    {
        using (Tensor.NoGrad())
        {
            return (f(inputs) * w).Sum().Item();
        }
    }
}
