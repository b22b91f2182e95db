namespace Ppl.Inference.Vmp.Building;

/// <summary>
/// A value known before inference (data, constants, sizes, the current value of a <c>param</c>, and
/// arithmetic on them): cells of <see cref="Grid"/> outermost, each holding an element of shape
/// <see cref="Inner"/>, row-major.
/// </summary>
/// <param name="Grid">The plates the value varies along.</param>
/// <param name="Inner">The element shape.</param>
/// <param name="Values">Row-major values, grid then element.</param>
internal sealed record KnownValue(PlateGrid Grid, int[] Inner, double[] Values)
{
    /// <summary>Number of values in one element.</summary>
    public int ElementSize => Inner.Aggregate(1, (a, b) => a * b);

    /// <summary>A scalar constant.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The known scalar.</returns>
    public static KnownValue Scalar(double value) => new(PlateGrid.Scalar, [], [value]);

    /// <summary>True when the value is one number.</summary>
    public bool IsScalar => Grid.Names.Length == 0 && Inner.Length == 0;

    /// <summary>Elementwise map.</summary>
    /// <param name="map">The function.</param>
    /// <returns>A value of the same layout.</returns>
    public KnownValue Map(Func<double, double> map) => this with { Values = [.. Values.Select(map)] };

    /// <summary>
    /// An elementwise binary operation with NumPy broadcasting over the element shapes and plates
    /// aligned by name (the result has the union of the plates).
    /// </summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <param name="op">The operation.</param>
    /// <returns>The result, or null when the element shapes do not broadcast.</returns>
    public static KnownValue? Combine(KnownValue left, KnownValue right, Func<double, double, double> op)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var names = left.Grid.Names.ToList();
        var sizes = left.Grid.Sizes.ToList();
        for (var i = 0; i < right.Grid.Names.Length; i++)
        {
            if (!names.Contains(right.Grid.Names[i]))
            {
                names.Add(right.Grid.Names[i]);
                sizes.Add(right.Grid.Sizes[i]);
            }
        }

        var grid = new PlateGrid([.. names], [.. sizes]);
        var rank = Math.Max(left.Inner.Length, right.Inner.Length);
        var inner = new int[rank];
        for (var a = 0; a < rank; a++)
        {
            var l = AxisSize(left.Inner, rank, a);
            var r = AxisSize(right.Inner, rank, a);
            if (l != r && l != 1 && r != 1)
            {
                return null;
            }

            inner[a] = Math.Max(l, r);
        }

        var innerCount = inner.Aggregate(1, (x, y) => x * y);
        var leftInner = BroadcastIndex(left.Inner, inner);
        var rightInner = BroadcastIndex(right.Inner, inner);
        var leftCells = grid.MapTo(left.Grid);
        var rightCells = grid.MapTo(right.Grid);
        var leftSize = left.ElementSize;
        var rightSize = right.ElementSize;
        var values = new double[grid.Count * innerCount];
        for (var c = 0; c < leftCells.Length; c++)
        {
            var lb = leftCells[c] * leftSize;
            var rb = rightCells[c] * rightSize;
            for (var e = 0; e < innerCount; e++)
            {
                values[c * innerCount + e] = op(left.Values[lb + leftInner[e]], right.Values[rb + rightInner[e]]);
            }
        }

        return new KnownValue(grid, inner, values);
    }

    private static int AxisSize(int[] shape, int rank, int axis)
    {
        var offset = rank - shape.Length;
        return axis < offset ? 1 : shape[axis - offset];
    }

    /// <summary>For each flat index of <paramref name="target"/>, the flat index of <paramref name="source"/> it reads.</summary>
    private static int[] BroadcastIndex(int[] source, int[] target)
    {
        var count = target.Aggregate(1, (x, y) => x * y);
        var result = new int[count];
        var offset = target.Length - source.Length;
        var strides = new int[target.Length];
        var stride = 1;
        for (var a = target.Length - 1; a >= offset; a--)
        {
            var size = source[a - offset];
            strides[a] = size == 1 ? 0 : stride;
            stride *= size;
        }

        var index = new int[target.Length];
        for (var i = 0; i < count; i++)
        {
            var flat = 0;
            for (var a = 0; a < target.Length; a++)
            {
                flat += index[a] * strides[a];
            }

            result[i] = flat;
            for (var a = target.Length - 1; a >= 0; a--)
            {
                if (++index[a] < target[a])
                {
                    break;
                }

                index[a] = 0;
            }
        }

        return result;
    }

    /// <summary>
    /// The scalar-element value laid out on <paramref name="grid"/> (broadcast along plates it lacks).
    /// </summary>
    /// <param name="grid">A grid holding every plate of this value.</param>
    /// <returns>One value per cell, or null when the element is not a scalar or a plate is foreign.</returns>
    public double[]? OnGrid(PlateGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (ElementSize != 1 || !grid.Contains(Grid))
        {
            return null;
        }

        if (Grid.Names.SequenceEqual(grid.Names))
        {
            return Values;
        }

        var map = grid.MapTo(Grid);
        var result = new double[map.Length];
        for (var i = 0; i < map.Length; i++)
        {
            result[i] = Values[map[i]];
        }

        return result;
    }
}
