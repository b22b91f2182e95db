namespace Ppl.Inference.Sampling;

/// <summary>
/// Draws of named variables: each variable has a shape (empty for a scalar) and one row-major array
/// of values per draw. Variables keep the order in which they were added.
/// </summary>
public sealed class DrawSet
{
    private readonly List<DrawnVariable> _variables = [];

    /// <summary>The number of draws.</summary>
    public int Count { get; }

    /// <summary>Creates an empty set for <paramref name="count"/> draws.</summary>
    /// <param name="count">Draws per variable.</param>
    public DrawSet(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
    }

    /// <summary>The variables, in order.</summary>
    public IReadOnlyList<DrawnVariable> Variables => _variables;

    /// <summary>Adds a variable and its draws.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="draws">One row-major array per draw, each of the shape's element count.</param>
    public void Add(string name, IReadOnlyList<int> shape, IReadOnlyList<double[]> draws)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(draws);
        if (draws.Count != Count)
        {
            throw new ArgumentException($"'{name}' has {draws.Count} draws, expected {Count}", nameof(draws));
        }
        _variables.Add(new DrawnVariable(name, [.. shape], draws));
    }

    /// <summary>Adds the replicated draws of an observed node (posterior predictive y_rep), marked as such.</summary>
    /// <param name="name">The observed node.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="draws">One row-major array per draw.</param>
    public void AddReplicated(string name, IReadOnlyList<int> shape, IReadOnlyList<double[]> draws)
    {
        Add(name, shape, draws);
        _variables[^1] = _variables[^1] with { IsReplicated = true };
    }
}

/// <summary>One variable's draws.</summary>
/// <param name="Name">The variable.</param>
/// <param name="Shape">Its shape (empty for a scalar).</param>
/// <param name="Draws">One row-major array per draw.</param>
public sealed record DrawnVariable(string Name, IReadOnlyList<int> Shape, IReadOnlyList<double[]> Draws)
{
    /// <summary>True for the replicated draws of an observed node (posterior predictive), not the node's data.</summary>
    public bool IsReplicated { get; init; }
}
