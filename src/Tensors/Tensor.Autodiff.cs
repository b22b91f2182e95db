using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Whether gradients flow to this tensor. Set it on leaves (parameters, or inputs whose gradient
    /// you want); op results require grad exactly when one of their inputs does (outside
    /// <see cref="NoGrad"/>).
    /// </summary>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (Creator is not null)
            {
                throw new InvalidOperationException("RequiresGrad can only be set on a leaf; use Detach() first");
            }
            _requiresGrad = value;
        }
    }

    /// <summary>True when no recorded op produced this tensor.</summary>
    public bool IsLeaf => Creator is null;

    /// <summary>
    /// The accumulated gradient of the last <see cref="Backward()"/> roots with respect to this leaf
    /// (null until a backward pass reaches it). Gradients of intermediate results are not kept.
    /// </summary>
    public Tensor? Grad { get; private set; }

    internal Op? Creator { get; private set; }

    /// <summary>Opens a scope in which ops record nothing for autodiff: <c>using (Tensor.NoGrad()) { ... }</c>.</summary>
    public static NoGradScope NoGrad() => NoGradScope.Enter();

    /// <summary>Whether an op on this input must be recorded.</summary>
    internal bool Records => _requiresGrad && NoGradScope.IsGradEnabled;

    /// <summary>The same values, cut from the graph: no creator, no grad.</summary>
    public Tensor Detach() => View(this, _offset, _shape);

    /// <summary>Sets <see cref="Grad"/> to zero, keeping its buffer (no allocation).</summary>
    public void ZeroGrad() => Grad?.Fill(0);

    /// <summary>Backpropagates from this one-element tensor (a loss), seeding its gradient with one.</summary>
    public void Backward()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Backward() needs a one-element tensor, this has {Length}; pass a gradient");
        }
        BackwardPass.Run(this, null);
    }

    /// <summary>Backpropagates from this tensor with the given upstream gradient (same shape).</summary>
    public void Backward(Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ShapeMath.RequireSameLength(this, gradient);
        ShapeMath.RequireSameDType(this, gradient);
        BackwardPass.Run(this, gradient);
    }

    /// <summary>
    /// The span to add this tensor's gradient contribution into, creating a zeroed gradient on first
    /// use. Leaves get a persistent buffer (it outlives training-step scopes); intermediates a pooled one.
    /// </summary>
    internal Span<T> GradSpan<T>()
    {
        if (Grad is null)
        {
            Grad = IsLeaf ? Persistent(DType, _shape) : ZerosPooled(DType, _shape);
        }
        return Grad.Span<T>();
    }

    /// <summary>Whether a gradient buffer exists yet (intermediates without one received nothing).</summary>
    internal bool HasGrad => Grad is not null;

    internal void ReleaseGrad() => Grad = null;

    internal int VisitMark { get; set; }
}
