namespace Ppl.Tensors.Tests.Autodiff;

/// <summary>
/// Every op's gradient in <see cref="GradientTable"/> against central differences in float64
/// (<see cref="CentralDifferenceCheck"/>), with fixed random weights on the outputs.
/// </summary>
public sealed class GradientTests
{
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
        CentralDifferenceCheck.Assert(name, c.Function, inputs, w);
    }
}
