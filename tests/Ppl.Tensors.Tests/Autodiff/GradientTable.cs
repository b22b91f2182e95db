using Ppl.Tensors.Nn;
using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Autodiff;

/// <summary>Every differentiable op, over scalar, vector, matrix and broadcast shapes.</summary>
internal static class GradientTable
{
    private static readonly int[] S = [];
    private static readonly int[] V = [4];
    private static readonly int[] M = [3, 4];

    private static readonly (string Name, int[] A, int[] B)[] BinaryShapes =
    [
        ("scalar", S, S),
        ("vector", V, V),
        ("matrix", M, M),
        ("col+row", [3, 1], [1, 4]),
        ("matrix+row", M, V),
        ("scalar+matrix", S, M),
        ("matrix+scalar", M, S),
        ("3d+col", [2, 3, 4], [3, 1]),
    ];

    private static readonly (string Name, int[] Shape)[] UnaryShapes = [("scalar", S), ("vector", [5]), ("matrix", M)];

    internal static readonly IReadOnlyDictionary<string, GradientCase> Cases = Build().ToDictionary(c => c.Name);

    private static IEnumerable<GradientCase> Build()
    {
        foreach (var (shapeName, a, b) in BinaryShapes)
        {
            yield return GradientCase.Of($"add {shapeName}", x => x[0] + x[1], a, b);
            yield return GradientCase.Of($"sub {shapeName}", x => x[0] - x[1], a, b);
            yield return GradientCase.Of($"mul {shapeName}", x => x[0] * x[1], a, b);
            yield return GradientCase.Of($"div {shapeName}", x => x[0] / x[1], a, b).In(Domain.Real, Domain.Positive);
            yield return GradientCase.Of($"pow {shapeName}", x => Tensor.Pow(x[0], x[1]), a, b).In(Domain.Positive, Domain.Real);
        }
        var unary = new (string Name, Func<Tensor, Tensor> F, Domain Domain)[]
        {
            ("neg", x => -x, Domain.Real),
            ("add const", x => x + 1.5, Domain.Real),
            ("const sub", x => 1.5 - x, Domain.Real),
            ("mul const", x => 2.5 * x, Domain.Real),
            ("div const", x => x / 4.0, Domain.Real),
            ("const div", x => 3.0 / x, Domain.Positive),
            ("exp", Tensor.Exp, Domain.Real),
            ("log", Tensor.Log, Domain.Positive),
            ("log1p", Tensor.Log1p, Domain.Positive),
            ("expm1", Tensor.Expm1, Domain.Real),
            ("sqrt", Tensor.Sqrt, Domain.Positive),
            ("square", Tensor.Square, Domain.Real),
            ("abs", Tensor.Abs, Domain.AwayFromZero),
            ("pow 2.5", x => Tensor.Pow(x, 2.5), Domain.Positive),
            ("pow 3", x => Tensor.Pow(x, 3), Domain.Real),
            ("tanh", Tensor.Tanh, Domain.Real),
            ("sigmoid", Tensor.Sigmoid, Domain.Real),
            ("relu", Tensor.Relu, Domain.AwayFromZero),
            ("softplus", Tensor.Softplus, Domain.Real),
            ("logsigmoid", Tensor.LogSigmoid, Domain.Real),
            ("clamp", x => Tensor.Clamp(x, -0.1, 0.1), Domain.AwayFromZero),
            ("lgamma", Tensor.LogGamma, Domain.Positive),
            ("digamma", Tensor.Digamma, Domain.Positive),
            ("log normal cdf", Tensor.LogNormalCdf, Domain.Real),
            ("softmax", x => x.Rank == 0 ? x : x.Softmax(), Domain.Real),
            ("log softmax", x => x.Rank == 0 ? x : x.LogSoftmax(), Domain.Real),
            ("reuse x*x+exp(x)", x => x * x + Tensor.Exp(x), Domain.Real),
        };
        foreach (var (name, f, domain) in unary)
        {
            foreach (var (shapeName, shape) in UnaryShapes)
            {
                yield return GradientCase.Of($"{name} {shapeName}", x => f(x[0]), shape).In(domain);
            }
        }

        int[] cube = [2, 3, 4];
        yield return GradientCase.Of("sum all", x => x[0].Sum(), M);
        yield return GradientCase.Of("mean all", x => x[0].Mean(), M);
        yield return GradientCase.Of("max all", x => x[0].Max(), M);
        yield return GradientCase.Of("logsumexp all", x => x[0].LogSumExp(), M);
        foreach (var axis in new[] { 0, 1, 2, -1 })
        {
            yield return GradientCase.Of($"sum axis {axis}", x => x[0].Sum(axis), cube);
            yield return GradientCase.Of($"sum axis {axis} keep", x => x[0].Sum(axis, keepDims: true) * x[0], cube);
            yield return GradientCase.Of($"mean axis {axis}", x => x[0].Mean(axis), cube);
            yield return GradientCase.Of($"max axis {axis}", x => x[0].Max(axis), cube);
            yield return GradientCase.Of($"logsumexp axis {axis}", x => x[0].LogSumExp(axis), cube);
        }

        yield return GradientCase.Of("matmul 2d", x => Tensor.MatMul(x[0], x[1]), [3, 4], [4, 5]);
        yield return GradientCase.Of("matmul batched", x => Tensor.MatMul(x[0], x[1]), [2, 3, 4], [2, 4, 5]);
        yield return GradientCase.Of("matmul stack x matrix", x => Tensor.MatMul(x[0], x[1]), [2, 3, 4], [4, 5]);
        yield return GradientCase.Of("matmul matrix x stack", x => Tensor.MatMul(x[0], x[1]), [3, 4], [2, 4, 5]);
        yield return GradientCase.Of("matmul 4d", x => Tensor.MatMul(x[0], x[1]), [2, 2, 3, 4], [2, 2, 4, 2]);
        yield return GradientCase.Of("matmul matrix x vector", x => Tensor.MatMul(x[0], x[1]), [3, 4], [4]);
        yield return GradientCase.Of("matmul vector x matrix", x => Tensor.MatMul(x[0], x[1]), [4], [4, 5]);
        yield return GradientCase.Of("matmul dot", x => Tensor.MatMul(x[0], x[1]), [4], [4]);
        yield return GradientCase.Of("transpose 2d", x => x[0].Transpose(), [3, 4]);
        yield return GradientCase.Of("transpose batched", x => x[0].Transpose(), cube);
        yield return GradientCase.Of("reshape", x => x[0].Reshape(2, 6) * x[1], M, [6]);
        yield return GradientCase.Of("reshape infer", x => x[0].Reshape(-1, 2), cube);
        yield return GradientCase.Of("concat axis 0", x => Tensor.Concat([x[0], x[1]], 0), [2, 4], M);
        yield return GradientCase.Of("concat axis 1", x => Tensor.Concat([x[0], x[1], x[0]], 1), [3, 2], M);
        yield return GradientCase.Of("slice axis 0 (view)", x => x[0].Slice(0, 1, 3), M);
        yield return GradientCase.Of("slice axis 1", x => x[0].Slice(1, 1, 3), M);
        yield return GradientCase.Of("slice axis -1 of 3d", x => x[0].Slice(-1, 0, 2), cube);
        yield return GradientCase.Of("index select repeats", x => x[0].IndexSelect(0, [2, 0, 2, 1, 2]), M);
        yield return GradientCase.Of("index select axis 1", x => x[0].IndexSelect(1, [2, 2, 0]), cube);
        yield return GradientCase.Of("gather axis 1", x => x[0].Gather(1, [3, 0, 3]), M);
        yield return GradientCase.Of("gather axis 0", x => x[0].Gather(0, [2, 0, 1, 1]), M);
        yield return GradientCase.Of("where", x => Tensor.Where(Condition([3, 4]), x[0], x[1]), M, M);
        yield return GradientCase.Of("where broadcast", x => Tensor.Where(Condition([3, 4]), x[0], x[1]), [3, 1], V);
        yield return GradientCase.Of("dropout fixed mask", x => Tensor.Dropout(x[0], 0.4, new RandomSource(7)), M);
        foreach (var act in Enum.GetValues<Activation>())
        {
            yield return GradientCase.Of($"linear {act}", x => Tensor.Linear(x[0], x[1], x[2], act), [5, 3], [3, 4], V);
        }
        yield return GradientCase.Of("linear no bias 3d input", x => Tensor.Linear(x[0], x[1], null, Activation.Tanh), [2, 5, 3], [3, 4]);
    }

    /// <summary>A fixed 0/1 pattern.</summary>
    private static Tensor Condition(int[] shape)
    {
        var n = shape.Aggregate(1, (a, b) => a * b);
        return Tensor.FromArray(Enumerable.Range(0, n).Select(i => (i * 7 % 3 == 0) ? 1.0 : 0.0).ToArray(), shape);
    }
}
