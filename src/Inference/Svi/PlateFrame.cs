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
    private PlateFrame? _distinct;

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

    /// <summary>
    /// The plate whose positions are a chunk of C distinct positions repeated <see cref="Repeats"/>
    /// times (position i is position i mod C of the chunk), or null: the per-data-point IWAE bound's
    /// k draws of each data point in one pass.
    /// </summary>
    public string? RepeatedPlate { get; private init; }

    /// <summary>How many times the chunk of <see cref="RepeatedPlate"/> repeats (1 when no plate does).</summary>
    public int Repeats { get; private init; } = 1;

    /// <summary>
    /// This frame over the chunk's C distinct positions only (<see cref="RepeatedPlate"/> cut to
    /// its first C positions): where a value that depends on no draw of the pass is evaluated once
    /// and then repeated.
    /// </summary>
    public PlateFrame Distinct => _distinct ??= RepeatedPlate is { } plate ? Cut(plate, _sizes[plate] / Repeats) : this;

    /// <summary>Length of the plate's axis in this pass.</summary>
    public int Size(string plate) => _sizes[plate];

    /// <summary>The positions taken from a subsampled plate, or null when the plate is whole.</summary>
    public int[]? Indices(string plate) => _indices.GetValueOrDefault(plate);

    /// <summary>The weight of a site in <paramref name="plates"/>.</summary>
    public double Scale(IEnumerable<string> plates) => plates.Any(_indices.ContainsKey) ? LocalScale : GlobalScale;

    /// <summary>
    /// This frame, stating that the positions of <paramref name="plate"/> are their first
    /// Size/<paramref name="times"/> positions repeated <paramref name="times"/> times (this frame
    /// unchanged when <paramref name="times"/> is 1).
    /// </summary>
    public PlateFrame WithRepeats(string plate, int times)
    {
        var positions = _indices.GetValueOrDefault(plate)
            ?? throw new ArgumentException($"plate '{plate}' has no positions in this frame", nameof(plate));
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        if (times == 1)
        {
            return this;
        }
        var chunk = positions.Length / times;
        var repeated = chunk * times == positions.Length;
        for (var i = chunk; repeated && i < positions.Length; i++)
        {
            repeated = positions[i] == positions[i % chunk];
        }
        if (!repeated)
        {
            throw new ArgumentException($"the positions of plate '{plate}' are not a chunk repeated {times} times", nameof(times));
        }
        return new PlateFrame(_sizes, _indices, LocalScale, GlobalScale) { RepeatedPlate = plate, Repeats = times };
    }

    private PlateFrame Cut(string plate, int length)
    {
        var sizes = new Dictionary<string, int>(_sizes) { [plate] = length };
        var indices = new Dictionary<string, int[]>(_indices) { [plate] = _indices[plate][..length] };
        return new PlateFrame(sizes, indices, LocalScale, GlobalScale);
    }
}
