using Ppl.Tensors.Nn;
using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Nn;

public sealed class MlpTests
{
    private static readonly float[] XorInputs = [0, 0, 0, 1, 1, 0, 1, 1];
    private static readonly float[] XorTargets = [0, 1, 1, 0];

    /// <summary>Bernoulli cross-entropy with logits: mean(softplus(l) − y·l).</summary>
    private static Tensor CrossEntropy(Tensor logits, Tensor targets) => (Tensor.Softplus(logits) - targets * logits).Mean();

    [Fact]
    public void A_small_mlp_learns_xor_with_adam()
    {
        var mlp = new Mlp([2, 8, 1], new RandomSource(42), Activation.Tanh);
        var adam = new Adam(mlp.Parameters, learningRate: 0.05);
        var x = Tensor.FromArray(XorInputs, 4, 2);
        var y = Tensor.FromArray(XorTargets, 4, 1);
        var loss = double.NaN;
        for (var step = 0; step < 500; step++)
        {
            adam.ZeroGrad();
            var l = CrossEntropy(mlp.Forward(x), y);
            l.Backward();
            adam.Step();
            loss = l.Item();
        }
        Assert.True(loss < 0.05, $"final loss {loss}");
        var p = Tensor.Sigmoid(mlp.Forward(x)).ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(XorTargets[i] == 1 ? p[i] > 0.5 : p[i] < 0.5, $"XOR output {i}: {p[i]}");
        }
    }

    [Fact]
    public void Forward_with_external_weights_equals_forward_with_own_weights()
    {
        var mlp = new Mlp([3, 5, 2], new RandomSource(1), Activation.Relu, dtype: DType.Float64);
        var x = Tensor.FromArray([0.1, -0.2, 0.3, 1.0, 0.5, -1.5], 2, 3);
        var own = mlp.Forward(x).ToArray();
        var copies = mlp.Parameters.Select(p => p.Detach().Clone()).ToList();
        Assert.Equal(own, mlp.Forward(x, copies).ToArray());
        Assert.Equal(mlp.Parameters.Select(p => p.Shape.ToArray()), mlp.ParameterShapes);
    }

    [Fact]
    public void Forward_with_external_weights_backpropagates_into_them()
    {
        var mlp = new Mlp([3, 4, 1], new RandomSource(2), Activation.Tanh, dtype: DType.Float64);
        var weights = mlp.Parameters.Select(p => { var c = p.Detach().Clone(); c.RequiresGrad = true; return c; }).ToList();
        mlp.Forward(Tensor.FromArray([0.1, 0.2, 0.3], 1, 3), weights).Sum().Backward();
        Assert.All(weights, w => Assert.NotNull(w.Grad));
        Assert.All(mlp.Parameters, p => Assert.Null(p.Grad));
    }

    [Fact]
    public void Dropout_is_on_in_training_and_off_in_evaluation()
    {
        var mlp = new Mlp([4, 64, 1], new RandomSource(3), Activation.Relu, dropout: 0.5, dtype: DType.Float64);
        var x = Tensor.FromArray([1.0, 2, 3, 4], 1, 4);
        mlp.Training = false;
        var a = mlp.Forward(x).Item();
        Assert.Equal(a, mlp.Forward(x).Item());
        mlp.Training = true;
        var draws = Enumerable.Range(0, 5).Select(_ => mlp.Forward(x).Item()).Distinct().Count();
        Assert.True(draws > 1, "MC dropout should give different outputs");
    }

    [Theory]
    [InlineData(Initialization.Xavier, 20, 30)]
    [InlineData(Initialization.Kaiming, 20, 30)]
    public void Initial_weights_have_the_prescribed_variance(Initialization init, int inputs, int outputs)
    {
        // Uniform on ±a has variance a²/3: Xavier 2/(in+out), Kaiming 2/in.
        var layer = new Linear(inputs, outputs, new RandomSource(5), init, dtype: DType.Float64);
        var w = layer.Weight.ToArray();
        var expected = init == Initialization.Xavier ? 2.0 / (inputs + outputs) : 2.0 / inputs;
        var variance = w.Select(v => v * v).Average();
        // The sample variance of n uniforms has sd √(4/5)·σ²/√n ≈ 0.9σ²/√n; allow 5 of those.
        Assert.InRange(variance, expected * (1 - 5 * 0.9 / Math.Sqrt(w.Length)), expected * (1 + 5 * 0.9 / Math.Sqrt(w.Length)));
        Assert.All(layer.Bias!.ToArray(), b => Assert.Equal(0, b));
    }
}
