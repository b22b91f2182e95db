namespace Ppl.Tensors.Autodiff;

/// <summary>
/// A recorded primitive op: its inputs, and how to push the gradient of its output back to them.
/// One small sealed class per op (or per family), created only when an input requires grad.
/// </summary>
/// <remarks>
/// Inside a <see cref="TensorScope"/> the records are rented from the scope's pool
/// (<see cref="Rent{TOp}"/>, then <c>Set…</c> to fill them) and returned with it, so a steady-state
/// training step allocates none; <see cref="Clear"/> drops their references on return. An op may also
/// pass its inputs to the constructor, which allocates a record per call.
/// </remarks>
internal abstract class Op
{
    private Tensor[] _inputs;
    private int _count;

    /// <summary>An empty record, filled by <see cref="SetInputs(Tensor)"/> and the like after <see cref="Rent{TOp}"/>.</summary>
    protected Op() => _inputs = [];

    protected Op(params Tensor[] inputs)
    {
        _inputs = inputs;
        _count = inputs.Length;
    }

    internal ReadOnlySpan<Tensor> Inputs => new(_inputs, 0, _count);

    /// <summary>The pool's index for this record's type (<see cref="OpSlot{TOp}"/>).</summary>
    internal int PoolSlot { get; init; }

    /// <summary>
    /// Adds ∂L/∂input = (∂output/∂input)ᵀ · <paramref name="gradient"/> into the gradient of every input
    /// that requires grad (and only those).
    /// </summary>
    internal abstract void Backward(Tensor output, Tensor gradient);

    internal static bool IsFloat(Tensor t) => t.DType == DType.Float32;

    /// <summary>A record of type <typeparamref name="TOp"/>: from the current scope's pool, else new.</summary>
    internal static TOp Rent<TOp>() where TOp : Op, new() => TensorScope.Current is { } pool ? pool.RentOp<TOp>() : new TOp();

    protected void SetInputs(Tensor a)
    {
        Reserve(1);
        _inputs[0] = a;
        _count = 1;
    }

    protected void SetInputs(Tensor a, Tensor b)
    {
        Reserve(2);
        _inputs[0] = a;
        _inputs[1] = b;
        _count = 2;
    }

    protected void SetInputs(Tensor a, Tensor b, Tensor c)
    {
        Reserve(3);
        _inputs[0] = a;
        _inputs[1] = b;
        _inputs[2] = c;
        _count = 3;
    }

    protected void SetInputs(IReadOnlyList<Tensor> inputs)
    {
        Reserve(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            _inputs[i] = inputs[i];
        }
        _count = inputs.Count;
    }

    /// <summary>Drops the references a returned record holds (its inputs; overrides add their own).</summary>
    internal virtual void Clear()
    {
        Array.Clear(_inputs, 0, _count);
        _count = 0;
    }

    private void Reserve(int count)
    {
        if (_inputs.Length < count)
        {
            _inputs = new Tensor[Math.Max(count, 2 * _inputs.Length)];
        }
    }
}
