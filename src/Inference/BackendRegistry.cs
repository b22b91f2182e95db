using Ppl.Compiler.Planning;

namespace Ppl.Inference;

/// <summary>
/// The backends available to the CLI and the C# API, by kind. Built explicitly (no reflection, no
/// static mutable state): the composition root lists the backends it wants.
/// </summary>
public sealed class BackendRegistry
{
    private readonly Dictionary<Backend, IInferenceBackend> _backends = [];

    /// <summary>Creates a registry holding <paramref name="backends"/>.</summary>
    /// <param name="backends">One instance per kind.</param>
    /// <exception cref="ArgumentException">Two backends of the same kind.</exception>
    public BackendRegistry(IEnumerable<IInferenceBackend> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        foreach (var backend in backends)
        {
            if (!_backends.TryAdd(backend.Kind, backend))
            {
                throw new ArgumentException($"two backends for {backend.Kind.Name()}", nameof(backends));
            }
        }
    }

    /// <summary>The backend for <paramref name="kind"/>, or null when none is registered.</summary>
    /// <param name="kind">A backend kind.</param>
    /// <returns>The backend or null.</returns>
    public IInferenceBackend? Find(Backend kind) => _backends.GetValueOrDefault(kind);

    /// <summary>The kinds registered.</summary>
    public IEnumerable<Backend> Kinds => _backends.Keys;
}
