using System.Numerics;
using System.Numerics.Tensors;
using Ppl.Tensors.Ops;

namespace Ppl.Tensors.Optim;

/// <summary>
/// Stochastic gradient descent with (heavy-ball) momentum μ, as PyTorch defines it:
/// g ← ∇θ + λθ; b ← g on the first step, else b ← μb + g; θ ← θ − η·b (b = g without momentum).
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly HashSet<Tensor> _started = new(ReferenceEqualityComparer.Instance);

    /// <summary>One group of parameters at learning rate <paramref name="learningRate"/>.</summary>
    public Sgd(IEnumerable<Tensor> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
        : this([new ParameterGroup(parameters, learningRate, weightDecay)], momentum)
    {
    }

    /// <summary>Several parameter groups with their own learning rates.</summary>
    public Sgd(IEnumerable<ParameterGroup> groups, double momentum = 0) : base(groups)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        Momentum = momentum;
    }

    /// <summary>The momentum coefficient μ.</summary>
    public double Momentum { get; }

    private protected override Tensor[] CreateState(Tensor parameter) => Momentum == 0 ? [] : [StateLike(parameter)];

    private protected override void Update(ParameterGroup group, Tensor parameter, Tensor gradient, Tensor[] state)
    {
        if (parameter.DType == DType.Float32)
        {
            Update<float>(group, parameter, gradient, state);
        }
        else
        {
            Update<double>(group, parameter, gradient, state);
        }
    }

    private void Update<T>(ParameterGroup group, Tensor parameter, Tensor gradient, Tensor[] state)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = parameter.Span<T>();
        var lr = T.CreateChecked(-group.LearningRate);
        using var decayed = new Scratch<T>(group.WeightDecay == 0 ? 0 : p.Length);
        ReadOnlySpan<T> g = gradient.Span<T>();
        if (group.WeightDecay != 0)
        {
            TensorPrimitives.MultiplyAdd(p, T.CreateChecked(group.WeightDecay), g, decayed.Span);
            g = decayed.Span;
        }
        if (Momentum == 0)
        {
            TensorPrimitives.MultiplyAdd(g, lr, p, p);
            return;
        }
        var b = state[0].Span<T>();
        if (_started.Add(parameter))
        {
            g.CopyTo(b);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(b, T.CreateChecked(Momentum), g, b);
            Subnormals.FlushInPlace(b);
        }
        TensorPrimitives.MultiplyAdd(b, lr, p, p);
    }
}
