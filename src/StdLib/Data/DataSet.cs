namespace Ppl.StdLib.Data;

/// <summary>
/// Named <see cref="DataArray"/>s, in the order they were read: what the binder matches against the
/// model's <c>data</c> declarations. Names are unique. Names the model does not declare are kept, so
/// the binder can report them ("unknown field 'foo'; the model has no data named 'foo'").
/// </summary>
public sealed class DataSet
{
    private readonly DataArray[] _arrays;
    private readonly Dictionary<string, DataArray> _byName;

    /// <summary>Collects arrays into a data set.</summary>
    /// <param name="arrays">Arrays with distinct names.</param>
    /// <exception cref="ArgumentException">Two arrays share a name.</exception>
    public DataSet(IEnumerable<DataArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        _arrays = [.. arrays];
        _byName = new Dictionary<string, DataArray>(StringComparer.Ordinal);
        foreach (var array in _arrays)
        {
            if (!_byName.TryAdd(array.Name, array))
            {
                throw new ArgumentException($"two arrays are named '{array.Name}'", nameof(arrays));
            }
        }
    }

    /// <summary>A data set with no arrays.</summary>
    public static DataSet Empty { get; } = new([]);

    /// <summary>The arrays, in the order they were read.</summary>
    public IReadOnlyList<DataArray> Arrays => _arrays;

    /// <summary>The names, in the order the arrays were read.</summary>
    public IEnumerable<string> Names => _arrays.Select(a => a.Name);

    /// <summary>The number of arrays.</summary>
    public int Count => _arrays.Length;

    /// <summary>The array with the given name.</summary>
    /// <param name="name">Data name.</param>
    /// <exception cref="KeyNotFoundException">No array has that name.</exception>
    public DataArray this[string name] =>
        Find(name) ?? throw new KeyNotFoundException($"no data named '{name}'");

    /// <summary>The array with the given name, or null.</summary>
    /// <param name="name">Data name.</param>
    public DataArray? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>True when an array has the given name.</summary>
    /// <param name="name">Data name.</param>
    public bool Contains(string name) => _byName.ContainsKey(name);
}
