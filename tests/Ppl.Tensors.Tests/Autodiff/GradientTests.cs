namespace Ppl.Tensors.Tests.Autodiff;

/// <summary>
/// Every op's gradient against central differences in float64: loss = Σ wᵢ·fᵢ(x) with fixed random
/// weights w (so every output element's gradient matters), ∂loss/∂x by Backward() versus
/// (loss(x + h) − loss(x − h)) / 2h with h = 1e-6.
/// </summary>
public sealed class GradientTests
{
    private const double H = 1e-6;
    private const double Tolerance = 1e-6;

    /// <summary>The case names of <see cref="GradientTable"/>.</summary>
    public static TheoryData<string> CaseNames => [.. GradientTable.Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Gradient_matches_central_differences(string name)
    {
        var c = GradientTable.Cases[name];
        var inputs = c.MakeInputs(seed: 1234);
        var output = c.Function(inputs);
        Assert.True(output.RequiresGrad, "the output should be recorded");
        var weights = c with { Shapes = [output.ShapeArray], Domains = [Domain.Real] };
        var w = weights.MakeInputs(seed: 99)[0].Detach();
        (output * w).Sum().Backward();

        for (var i = 0; i < inputs.Length; i++)
        {
            var x = inputs[i];
            Assert.NotNull(x.Grad);
            var analytic = x.Grad!.ToArray();
            for (var j = 0; j < x.Length; j++)
            {
                var original = x[j];
                x[j] = original + H;
                var up = Loss(c, inputs, w);
                x[j] = original - H;
                var down = Loss(c, inputs, w);
                x[j] = original;
                var numeric = (up - down) / (2 * H);
                Assert.True(Math.Abs(analytic[j] - numeric) <= Tolerance * (1 + Math.Abs(numeric)),
                    $"{name}: input {i} element {j}: backward {analytic[j]:R}, central difference {numeric:R}");
            }
        }
    }

    private static double Loss(GradientCase c, Tensor[] inputs, Tensor w)
    {
        using (Tensor.NoGrad())
        {
            return (c.Function(inputs) * w).Sum().Item();
        }
    }
}
