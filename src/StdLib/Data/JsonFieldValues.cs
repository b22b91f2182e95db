namespace Ppl.StdLib.Data;

/// <summary>
/// The values of one JSON field as they are read, with their byte offsets and combined kind:
/// integers and reals together make a Real array (1 and 1.5 are both numbers); booleans do not mix
/// with numbers.
/// </summary>
internal sealed class JsonFieldValues(JsonFileParser parser)
{
    private string? _firstPath;

    public List<double> Values { get; } = [];

    public List<int> Offsets { get; } = [];

    public DataElementKind Kind { get; private set; } = DataElementKind.Empty;

    public void Add(double value, DataElementKind kind, int offset)
    {
        if (Kind == DataElementKind.Empty)
        {
            Kind = kind;
            _firstPath = parser.CurrentElementPath();
        }
        else if ((Kind == DataElementKind.Boolean) != (kind == DataElementKind.Boolean))
        {
            parser.MixedKinds(_firstPath!, Kind, kind, offset);
            return;
        }
        else if (kind == DataElementKind.Real)
        {
            Kind = DataElementKind.Real;
        }

        Values.Add(value);
        Offsets.Add(offset);
    }
}
