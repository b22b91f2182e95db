using System.Globalization;
using System.Text;

namespace Ppl.StdLib.Data;

/// <summary>
/// One named array read from a data file: its shape, the kind of its values as found in the file, the
/// values densely in row-major order, and the position of every value for error messages. The binder
/// checks it against the declared <c>data</c> type; nothing here converts or drops values.
/// </summary>
public sealed class DataArray
{
    private readonly int[] _shape;
    private readonly DataValues _values;
    private readonly DataPositions _positions;

    internal DataArray(
        string name,
        int[] shape,
        DataElementKind kind,
        DataValues values,
        DataPosition position,
        DataPositions positions,
        IdxElementType? idxElementType = null)
    {
        Name = name;
        _shape = shape;
        Kind = kind;
        _values = values;
        Position = position;
        _positions = positions;
        IdxElementType = idxElementType;
    }

    /// <summary>The data name (the JSON key, the CSV column's base name, or the name bound with NAME=FILE).</summary>
    public string Name { get; }

    /// <summary>The sizes of the axes; empty for a scalar.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of axes.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of values (the product of <see cref="Shape"/>).</summary>
    public int Count => _values.Count;

    /// <summary>The kind of the values as found in the file.</summary>
    public DataElementKind Kind { get; }

    /// <summary>For arrays read from IDX files, the element type in the file; otherwise null.</summary>
    public IdxElementType? IdxElementType { get; }

    /// <summary>True when the values are IDX unsigned bytes divided by 255 (see <see cref="ScaledToUnitInterval"/>).</summary>
    public bool IsScaledToUnitInterval => _values is ByteValues { Divisor: 255 };

    /// <summary>Where the array starts: the JSON key, the CSV header, or the IDX file.</summary>
    public DataPosition Position { get; }

    /// <summary>The value at a flat (row-major) index, as a double; exact for integers and booleans.</summary>
    /// <param name="flatIndex">Row-major index, 0 to <see cref="Count"/> - 1.</param>
    public double this[int flatIndex] => _values[flatIndex];

    /// <summary>Builds an array from values made in code (no file); the C# API's way to bind data.</summary>
    /// <param name="name">The data name.</param>
    /// <param name="shape">Axis sizes; their product must equal the number of values.</param>
    /// <param name="kind">The kind the values are to be taken as.</param>
    /// <param name="values">Row-major values; copied.</param>
    /// <exception cref="ArgumentException">The shape and the count disagree, or a value is not finite.</exception>
    public static DataArray FromValues(string name, IReadOnlyList<int> shape, DataElementKind kind, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (ElementCount(shape) != values.Length)
        {
            throw new ArgumentException(
                $"shape [{string.Join(", ", shape)}] holds {ElementCount(shape)} values but {values.Length} were given", nameof(shape));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"value {i} of '{name}' is {values[i]}; data must be finite", nameof(values));
            }
        }

        return new DataArray(name, [.. shape], kind, new DoubleValues(values.ToArray()), new DataPosition("<memory>"), new NoPositions("<memory>"));
    }

    /// <summary>The position of the value at a flat index: line:column (JSON), row line and column name (CSV), item (IDX).</summary>
    /// <param name="flatIndex">Row-major index, 0 to <see cref="Count"/> - 1.</param>
    public DataPosition PositionOf(int flatIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(flatIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(flatIndex, Count);
        return _positions.Of(flatIndex);
    }

    /// <summary>
    /// The value's name in the language's indexing, e.g. <c>X[3, 1]</c> (just the name for a scalar;
    /// <c>data[3, 1]</c> while the array has no name).
    /// </summary>
    /// <param name="flatIndex">Row-major index, 0 to <see cref="Count"/> - 1.</param>
    public string ElementName(int flatIndex) => FormatElement(Name.Length == 0 ? "data" : Name, _shape, flatIndex);

    /// <summary>The first flat index whose value satisfies <paramref name="predicate"/>, or -1.</summary>
    /// <param name="predicate">Test on the value as a double, e.g. <c>v =&gt; v &lt; 0 || v &gt; 1</c> for <c>prob</c>.</param>
    public int IndexOfFirst(Func<double, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        for (var i = 0; i < Count; i++)
        {
            if (predicate(_values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Copies the values, row-major, into <paramref name="destination"/> (at least <see cref="Count"/> long).</summary>
    /// <param name="destination">Target span.</param>
    public void CopyTo(Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Count, nameof(destination));
        _values.CopyTo(destination);
    }

    /// <summary>Copies the values, row-major, rounded to single precision, into <paramref name="destination"/>.</summary>
    /// <param name="destination">Target span, at least <see cref="Count"/> long.</param>
    public void CopyTo(Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Count, nameof(destination));
        _values.CopyTo(destination);
    }

    /// <summary>The values as a new double array, row-major.</summary>
    public double[] ToDoubleArray()
    {
        var result = new double[Count];
        _values.CopyTo(result);
        return result;
    }

    /// <summary>The values as a new single-precision array, row-major.</summary>
    public float[] ToSingleArray()
    {
        var result = new float[Count];
        _values.CopyTo(result);
        return result;
    }

    /// <summary>
    /// The same array with IDX unsigned bytes mapped onto [0, 1] as x / 255 (grey levels to <c>prob</c>),
    /// without copying: the division happens when values are read. Its <see cref="Kind"/> is Real.
    /// </summary>
    /// <exception cref="InvalidOperationException">The array is not IDX unsigned bytes, or is already scaled.</exception>
    public DataArray ScaledToUnitInterval()
    {
        if (_values is not ByteValues { Divisor: 1 } bytes)
        {
            throw new InvalidOperationException(
                $"only unscaled IDX unsigned bytes can be scaled to [0, 1]; '{Name}' is {Describe()}");
        }

        return new DataArray(Name, _shape, DataElementKind.Real, new ByteValues(bytes.Bytes, 255), Position, _positions, IdxElementType);
    }

    /// <summary>
    /// The same values under another shape with the same number of elements (e.g. IDX images
    /// [60000, 28, 28] flattened to the declared [60000, 784]); positions still name the original item.
    /// </summary>
    /// <param name="shape">The new axis sizes.</param>
    /// <exception cref="ArgumentException">The element counts differ.</exception>
    public DataArray WithShape(IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (ElementCount(shape) != Count)
        {
            throw new ArgumentException(
                $"'{Name}' has {Count} values; shape [{string.Join(", ", shape)}] holds {ElementCount(shape)}", nameof(shape));
        }

        return new DataArray(Name, [.. shape], Kind, _values, Position, _positions, IdxElementType);
    }

    /// <summary>The same array under another name (how <c>--data NAME=FILE</c> binds a file's array).</summary>
    /// <param name="name">The data name.</param>
    public DataArray WithName(string name) =>
        new(name, _shape, Kind, _values, Position, _positions, IdxElementType);

    /// <summary>Describes the array, e.g. <c>X: Real[100, 3] from data.csv</c>.</summary>
    public override string ToString() => $"{Name}: {Describe()} from {Position.File}";

    private string Describe() =>
        (IdxElementType is { } idx ? $"IDX {idx} " : string.Empty) + $"{Kind}[{string.Join(", ", _shape)}]";

    internal static long ElementCount(IReadOnlyList<int> shape)
    {
        long count = 1;
        foreach (var size in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size, nameof(shape));
            count *= size;
        }

        return count;
    }

    /// <summary><c>name[i, j, ...]</c> for the flat index in a row-major array of the given shape.</summary>
    internal static string FormatElement(string name, IReadOnlyList<int> shape, long flatIndex)
    {
        if (shape.Count == 0)
        {
            return name;
        }

        Span<long> index = stackalloc long[shape.Count];
        for (var axis = shape.Count - 1; axis >= 0; axis--)
        {
            var size = Math.Max(shape[axis], 1);
            index[axis] = flatIndex % size;
            flatIndex /= size;
        }

        var text = new StringBuilder(name).Append('[');
        for (var axis = 0; axis < index.Length; axis++)
        {
            text.Append(axis == 0 ? string.Empty : ", ").Append(index[axis].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }
}
