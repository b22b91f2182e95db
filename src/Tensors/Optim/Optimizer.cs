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
        foreach (var group in Groups)
        {
            foreach (var p in group.Parameters)
            {
                p.ZeroGrad();
            }
        }
    }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        using (Tensor.NoGrad())
        {
            foreach (var group in Groups)
            {
                foreach (var p in group.Parameters)
                {
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
    private protected abstract Tensor[] CreateState(Tensor parameter);

    /// <summary>Updates one parameter in place.</summary>
    private protected abstract void Update(ParameterGroup group, Tensor parameter, Tensor gradient, Tensor[] state);

    /// <summary>A zero tensor shaped like <paramref name="parameter"/>, never pooled.</summary>
    private protected static Tensor StateLike(Tensor parameter) => Tensor.Persistent(parameter.DType, parameter.ShapeArray);
}
