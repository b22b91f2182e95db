namespace Ppl.Tensors.Tests.Autodiff;

/// <summary>
/// Backward() against central differences in float64: loss = Σ wᵢ·fᵢ(x) with fixed weights w (so every
/// output element's gradient matters); ∂loss/∂x from Backward() versus (loss(x + h) − loss(x − h)) / 2h,
/// h = 1e-6, to 1e-6·(1 + |numeric|).
/// </summary>
internal static class CentralDifferenceCheck
{
    private const double H = 1e-6;
    private const double Tolerance = 1e-6;

    /// <summary>Checks every element of every input of <paramref name="f"/>; <paramref name="name"/> labels failures.</summary>
    public static void Assert(string name, Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor w)
    {
        (f(inputs) * w).Sum().Backward();
        for (var i = 0; i < inputs.Length; i++)
        {
            var x = inputs[i];
            Xunit.Assert.NotNull(x.Grad);
            var analytic = x.Grad!.ToArray();
            for (var j = 0; j < x.Length; j++)
            {
                var original = x[j];
                x[j] = original + H;
                var up = Loss(f, inputs, w);
                x[j] = original - H;
                var down = Loss(f, inputs, w);
                x[j] = original;
                var numeric = (up - down) / (2 * H);
                Xunit.Assert.True(Math.Abs(analytic[j] - numeric) <= Tolerance * (1 + Math.Abs(numeric)),
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
