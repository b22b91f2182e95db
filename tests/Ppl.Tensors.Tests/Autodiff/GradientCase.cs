using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Autodiff;

/// <summary>The domain an input of a gradient case is drawn from.</summary>
internal enum Domain
{
    /// <summary>Uniform on (−2, 2).</summary>
    Real,

    /// <summary>Uniform on (0.5, 3).</summary>
    Positive,

    /// <summary>Uniform on ±(0.2, 2): away from a kink at zero.</summary>
    AwayFromZero,
}

/// <summary>One row of the gradient table: a function of some float64 inputs of given shapes.</summary>
internal sealed record GradientCase(string Name, Func<Tensor[], Tensor> Function, int[][] Shapes, Domain[] Domains)
{
    internal static GradientCase Of(string name, Func<Tensor[], Tensor> function, params int[][] shapes) =>
        new(name, function, shapes, [.. shapes.Select(_ => Domain.Real)]);

    internal GradientCase In(params Domain[] domains) => this with { Domains = domains };

    internal Tensor[] MakeInputs(ulong seed)
    {
        var random = new RandomSource(seed);
        var inputs = new Tensor[Shapes.Length];
        for (var i = 0; i < Shapes.Length; i++)
        {
            var n = Shapes[i].Aggregate(1, (a, b) => a * b);
            var values = new double[n];
            for (var j = 0; j < n; j++)
            {
                var u = random.NextDouble();
                values[j] = Domains[i] switch
                {
                    Domain.Positive => 0.5 + 2.5 * u,
                    Domain.AwayFromZero => (random.NextDouble() < 0.5 ? -1 : 1) * (0.2 + 1.8 * u),
                    _ => -2 + 4 * u,
                };
            }
            inputs[i] = Tensor.Parameter(values, DType.Float64, Shapes[i]);
        }
        return inputs;
    }
}
