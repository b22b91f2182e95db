namespace Ppl.Inference.Results;

/// <summary>
/// A dense, row-major array of doubles with its shape: how results keep the shape of the variable
/// they describe (a scalar has shape <c>[]</c> and one value).
/// </summary>
public sealed class NdArray
{
    /// <summary>Creates an array; the number of values must match the shape.</summary>
    /// <param name="shape">Dimensions, outermost first.</param>
    /// <param name="values">Row-major values.</param>
    /// <exception cref="ArgumentException">The shape and the number of values disagree.</exception>
    public NdArray(int[] shape, double[] values)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        var count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }
        if (count != values.Length)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] needs {count} values, got {values.Length}");
        }
        Shape = shape;
        Values = values;
    }

    /// <summary>Dimensions, outermost first.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Row-major values.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Number of axes (0 for a scalar).</summary>
    public int Rank => Shape.Count;

    /// <summary>A scalar.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The 0-dimensional array.</returns>
    public static NdArray Scalar(double value) => new([], [value]);

    /// <summary>A vector.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The 1-dimensional array.</returns>
    public static NdArray Vector(params double[] values) => new([values.Length], values);

    /// <summary>The only value of a scalar (or of a one-element array).</summary>
    /// <exception cref="InvalidOperationException">The array has more than one value.</exception>
    public double ScalarValue => Values.Count == 1
        ? Values[0]
        : throw new InvalidOperationException($"expected one value, the array has {Values.Count}");

    /// <summary>The same values computed elementwise by <paramref name="map"/>.</summary>
    /// <param name="map">The elementwise function.</param>
    /// <returns>An array of the same shape.</returns>
    public NdArray Map(Func<double, double> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var result = new double[Values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = map(Values[i]);
        }
        return new NdArray([.. Shape], result);
    }
}
