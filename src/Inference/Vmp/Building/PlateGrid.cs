using System.Collections.Immutable;

namespace Ppl.Inference.Vmp.Building;

/// <summary>
/// The axes of a set of plates with their bound sizes, row-major in the order given: a factor's plates
/// (the grid its per-element terms live on) or a variable's plates (the grid of its elements).
/// </summary>
/// <param name="Names">Plate index names, outermost first.</param>
/// <param name="Sizes">Their sizes.</param>
internal sealed record PlateGrid(ImmutableArray<string> Names, ImmutableArray<int> Sizes)
{
    /// <summary>The grid of no plates (one element).</summary>
    public static PlateGrid Scalar { get; } = new([], []);

    /// <summary>Number of cells.</summary>
    public int Count
    {
        get
        {
            var count = 1;
            foreach (var s in Sizes)
            {
                count *= s;
            }

            return count;
        }
    }

    /// <summary>True when every plate of <paramref name="inner"/> is one of this grid's.</summary>
    /// <param name="inner">A grid.</param>
    /// <returns>Whether <paramref name="inner"/>'s plates are a subset.</returns>
    public bool Contains(PlateGrid inner) => inner.Names.All(Names.Contains);

    /// <summary>
    /// For each cell of this grid, the index of the cell of <paramref name="sub"/> with the same plate
    /// indices: the broadcast of a variable (or known value) on fewer plates to this grid. A message
    /// from this grid to <paramref name="sub"/> is summed over the cells that share an index.
    /// </summary>
    /// <param name="sub">A grid whose plates all belong to this one.</param>
    /// <returns>The map, of length <see cref="Count"/>.</returns>
    public int[] MapTo(PlateGrid sub)
    {
        ArgumentNullException.ThrowIfNull(sub);
        var count = Count;
        var map = new int[count];
        if (sub.Names.Length == 0)
        {
            return map;
        }

        // Stride in the sub grid of each of this grid's axes (0 for an axis the sub grid lacks).
        var strides = new int[Names.Length];
        for (var a = 0; a < Names.Length; a++)
        {
            var j = sub.Names.IndexOf(Names[a]);
            if (j < 0)
            {
                continue;
            }

            var stride = 1;
            for (var b = j + 1; b < sub.Names.Length; b++)
            {
                stride *= sub.Sizes[b];
            }

            strides[a] = stride;
        }

        var index = new int[Names.Length];
        for (var cell = 0; cell < count; cell++)
        {
            var target = 0;
            for (var a = 0; a < Names.Length; a++)
            {
                target += index[a] * strides[a];
            }

            map[cell] = target;
            for (var a = Names.Length - 1; a >= 0; a--)
            {
                if (++index[a] < Sizes[a])
                {
                    break;
                }

                index[a] = 0;
            }
        }

        return map;
    }
}
