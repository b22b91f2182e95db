namespace Ppl.Tensors;

/// <summary>
/// A <c>using</c> block whose tensors are pooled: every tensor created inside it (op results,
/// intermediate gradients, scratch) takes its buffer, its tensor object and its autodiff record from a
/// <see cref="BufferPool"/>, and all of them go back to the pool when the scope ends. Tensors created inside must not be used after it: read
/// results out (<see cref="Tensor.Item"/>, <see cref="Tensor.ToArray"/>) before disposing.
/// Parameters, their gradients and optimiser state are never pooled.
/// </summary>
/// <example>
/// A training loop whose steps allocate nothing after the first:
/// <code>
/// var mlp = new Mlp([784, 400, 20], random);
/// var adam = new Adam(mlp.Parameters, learningRate: 1e-3);
/// var pool = new BufferPool();
/// foreach (var batch in batches)
/// {
///     using var step = TensorScope.Begin(pool);
///     adam.ZeroGrad();
///     var loss = Loss(mlp.Forward(Tensor.FromArray(batch, 128, 784)));
///     loss.Backward();
///     adam.Step();
///     trace.Add(loss.Item());   // read results before the scope ends
/// }
/// </code>
/// </example>
/// <remarks>
/// The current pool is ambient, per thread (<see cref="ThreadStaticAttribute"/>), because every op
/// would otherwise need a pool argument; it is strictly scoped: <see cref="Dispose"/> restores the
/// enclosing scope's pool, so scopes nest and nothing outlives its <c>using</c> block.
/// </remarks>
public readonly struct TensorScope : IDisposable, IEquatable<TensorScope>
{
    [ThreadStatic]
    private static BufferPool? _current;

    private readonly BufferPool? _pool;
    private readonly BufferPool? _previous;
    private readonly PoolMark _start;

    private TensorScope(BufferPool pool)
    {
        pool.BeginScope();
        _pool = pool;
        _previous = _current;
        _start = pool.Mark;
        _current = pool;
    }

    /// <summary>Opens a scope whose tensors rent their buffers from <paramref name="pool"/>.</summary>
    public static TensorScope Begin(BufferPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return new TensorScope(pool);
    }

    internal static BufferPool? Current => _current;

    /// <summary>Returns the buffers rented in this scope and restores the enclosing scope.</summary>
    public void Dispose()
    {
        if (_pool is null)
        {
            return;
        }
        _pool.ReleaseTo(_start);
        _current = _previous;
    }

    /// <inheritdoc/>
    public bool Equals(TensorScope other) => ReferenceEquals(_pool, other._pool) && _start == other._start;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorScope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_pool, _start);

    /// <summary>Value equality.</summary>
    public static bool operator ==(TensorScope left, TensorScope right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TensorScope left, TensorScope right) => !left.Equals(right);
}
