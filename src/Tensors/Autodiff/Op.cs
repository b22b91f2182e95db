namespace Ppl.Tensors.Autodiff;

/// <summary>
/// A recorded primitive op: its inputs, and how to push the gradient of its output back to them.
/// One small sealed class per op (or per family), created only when an input requires grad.
/// </summary>
internal abstract class Op
{
    protected Op(params Tensor[] inputs) => Inputs = inputs;

    internal Tensor[] Inputs { get; }

    /// <summary>
    /// Adds ∂L/∂input = (∂output/∂input)ᵀ · <paramref name="gradient"/> into the gradient of every input
    /// that requires grad (and only those).
    /// </summary>
    internal abstract void Backward(Tensor output, Tensor gradient);

    internal static bool IsFloat(Tensor t) => t.DType == DType.Float32;
}
