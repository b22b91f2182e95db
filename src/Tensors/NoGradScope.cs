namespace Ppl.Tensors;

/// <summary>
/// A <c>using</c> block in which ops record nothing for autodiff (evaluation, optimiser updates,
/// sampling): results have no creator and do not require grad. Open it with <see cref="Tensor.NoGrad"/>.
/// </summary>
/// <remarks>
/// The switch is ambient per thread (<see cref="ThreadStaticAttribute"/>) like PyTorch's
/// <c>torch.no_grad()</c>, because threading a flag through every op would burden every formula; it is
/// a depth counter restored on dispose, so it cannot leak out of its <c>using</c> block.
/// </remarks>
public readonly struct NoGradScope : IDisposable, IEquatable<NoGradScope>
{
    [ThreadStatic]
    private static int _depth;

    private readonly bool _active;

    private NoGradScope(bool active) => _active = active;

    internal static bool IsGradEnabled => _depth == 0;

    internal static NoGradScope Enter()
    {
        _depth++;
        return new NoGradScope(true);
    }

    /// <summary>Ends the scope.</summary>
    public void Dispose()
    {
        if (_active)
        {
            _depth--;
        }
    }

    /// <inheritdoc/>
    public bool Equals(NoGradScope other) => _active == other._active;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NoGradScope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _active.GetHashCode();

    /// <summary>Value equality.</summary>
    public static bool operator ==(NoGradScope left, NoGradScope right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(NoGradScope left, NoGradScope right) => !left.Equals(right);
}
