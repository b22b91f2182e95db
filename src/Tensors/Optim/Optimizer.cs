namespace Ppl.Tensors.Optim;

/// <summary>
/// Updates parameters in place from their accumulated gradients, group by group. Parameters without a
/// gradient (not reached by the last backward pass) are left alone.
/// </summary>
public abstract class Optimizer
{
    private readonly Dictionary<Tensor, Tensor[]> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates an optimiser over parameter groups.</summary>
    protected Optimizer(IEnumerable<ParameterGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = [.. groups];
        if (Groups.Count == 0)
        {
            throw new ArgumentException("an optimiser needs at least one parameter group", nameof(groups));
        }
    }

    /// <summary>The parameter groups.</summary>
    public IReadOnlyList<ParameterGroup> Groups { get; }

    /// <summary>All parameters of all groups.</summary>
    public IEnumerable<Tensor> Parameters => Groups.SelectMany(g => g.Parameters);

    /// <summary>How many times <see cref="Step"/> has run.</summary>
    public int StepCount { get; private set; }

    /// <summary>Zeroes every parameter's gradient (keeping the buffers).</summary>
    public void ZeroGrad()
    {
        // Indexed loops: enumerating an IReadOnlyList allocates an enumerator per loop.
        for (var i = 0; i < Groups.Count; i++)
        {
            var parameters = Groups[i].Parameters;
            for (var j = 0; j < parameters.Count; j++)
            {
                parameters[j].ZeroGrad();
            }
        }
    }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        using (Tensor.NoGrad())
        {
            for (var i = 0; i < Groups.Count; i++)
            {
                var group = Groups[i];
                for (var j = 0; j < group.Parameters.Count; j++)
                {
                    var p = group.Parameters[j];
                    if (p.Grad is { } g)
                    {
                        if (!_state.TryGetValue(p, out var state))
                        {
                            state = CreateState(p);
                            _state[p] = state;
                        }
                        Update(group, p, g, state);
                    }
                }
            }
        }
    }

    /// <summary>Per-parameter state buffers (e.g. momentum), created at a parameter's first update.</summary>
    /// <summary>The optimiser's state tensors for <paramref name="parameter"/> (Adam: m, v, t), or null before its first update.</summary>
    internal IReadOnlyList<Tensor>? StateOf(Tensor parameter) => _state.GetValueOrDefault(parameter);

    private protected abstract Tensor[] CreateState(Tensor parameter);

    /// <summary>Updates one parameter in place.</summary>
    private protected abstract void Update(ParameterGroup group, Tensor parameter, Tensor gradient, Tensor[] state);

    /// <summary>A zero tensor shaped like <paramref name="parameter"/>, never pooled.</summary>
    private protected static Tensor StateLike(Tensor parameter) => Tensor.Persistent(parameter.DType, parameter.ShapeArray);
}
