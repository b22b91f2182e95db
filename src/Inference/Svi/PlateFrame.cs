namespace Ppl.Inference.Svi;

/// <summary>
/// The plate sizes of one evaluation of the model and guide: each plate's length in this pass, the
/// minibatch positions of subsampled plates (the same in model and guide), and the weights of the
/// log-density terms: <c>N/B</c> for a batched plate's sites during training (Hoffman et al. 2013,
/// stochastic variational inference), 1 for local and <c>C/N</c> for global sites when the full-data
/// ELBO is summed over chunks.
/// </summary>
internal sealed class PlateFrame
{
    private readonly Dictionary<string, int> _sizes;
    private readonly Dictionary<string, int[]> _indices;

    /// <summary>Creates a frame.</summary>
    public PlateFrame(Dictionary<string, int> sizes, Dictionary<string, int[]> indices, double localScale, double globalScale)
    {
        _sizes = sizes;
        _indices = indices;
        LocalScale = localScale;
        GlobalScale = globalScale;
    }

    /// <summary>Weight of a log-density term that lies in a subsampled plate.</summary>
    public double LocalScale { get; }

    /// <summary>Weight of a log-density term outside every subsampled plate.</summary>
    public double GlobalScale { get; }

    /// <summary>Length of the plate's axis in this pass.</summary>
    public int Size(string plate) => _sizes[plate];

    /// <summary>The positions taken from a subsampled plate, or null when the plate is whole.</summary>
    public int[]? Indices(string plate) => _indices.GetValueOrDefault(plate);

    /// <summary>The weight of a site in <paramref name="plates"/>.</summary>
    public double Scale(IEnumerable<string> plates) => plates.Any(_indices.ContainsKey) ? LocalScale : GlobalScale;
}
