namespace Ppl.Inference.Sampling;

/// <summary>A dense row-major array of doubles with its shape (empty for a scalar), as forward sampling evaluates it.</summary>
/// <param name="Shape">Axis lengths.</param>
/// <param name="Values">Row-major values.</param>
internal readonly record struct SampledValue(int[] Shape, double[] Values)
{
    /// <summary>A scalar.</summary>
    public static SampledValue Scalar(double value) => new([], [value]);

    /// <summary>Row-major strides of <paramref name="shape"/>.</summary>
    public static int[] Strides(int[] shape)
    {
        var strides = new int[shape.Length];
        var stride = 1;
        for (var axis = shape.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    /// <summary>Takes position <paramref name="position"/> on <paramref name="axis"/>, removing that axis.</summary>
    public SampledValue Take(int axis, int position)
    {
        if (position < 0 || position >= Shape[axis])
        {
            throw new ForwardSamplingException($"index {position} is outside 0..{Shape[axis] - 1}");
        }
        var outer = Shape[..axis].Aggregate(1, (a, b) => a * b);
        var inner = Shape[(axis + 1)..].Aggregate(1, (a, b) => a * b);
        var values = new double[outer * inner];
        for (var o = 0; o < outer; o++)
        {
            Array.Copy(Values, (o * Shape[axis] + position) * inner, values, o * inner, inner);
        }
        return new SampledValue([.. Shape[..axis], .. Shape[(axis + 1)..]], values);
    }

    /// <summary>Keeps positions [<paramref name="lower"/>, <paramref name="upper"/>) on <paramref name="axis"/>.</summary>
    public SampledValue Slice(int axis, int lower, int upper)
    {
        var outer = Shape[..axis].Aggregate(1, (a, b) => a * b);
        var inner = Shape[(axis + 1)..].Aggregate(1, (a, b) => a * b);
        var length = upper - lower;
        var values = new double[outer * length * inner];
        for (var o = 0; o < outer; o++)
        {
            Array.Copy(Values, (o * Shape[axis] + lower) * inner, values, o * length * inner, length * inner);
        }
        var shape = (int[])Shape.Clone();
        shape[axis] = length;
        return new SampledValue(shape, values);
    }

    /// <summary>NumPy broadcasting of an elementwise function (NumPy's broadcasting rules, right-aligned axes).</summary>
    public static SampledValue Broadcast(SampledValue left, SampledValue right, Func<double, double, double> function)
    {
        var rank = Math.Max(left.Shape.Length, right.Shape.Length);
        var shape = new int[rank];
        for (var k = 0; k < rank; k++)
        {
            var a = k - (rank - left.Shape.Length) is var i && i >= 0 ? left.Shape[i] : 1;
            var b = k - (rank - right.Shape.Length) is var j && j >= 0 ? right.Shape[j] : 1;
            if (a != b && a != 1 && b != 1)
            {
                throw new ForwardSamplingException($"shapes [{string.Join(", ", left.Shape)}] and [{string.Join(", ", right.Shape)}] do not broadcast");
            }
            shape[k] = Math.Max(a, b);
        }
        var total = shape.Aggregate(1, (a, b) => a * b);
        var values = new double[total];
        var leftStrides = Strides(left.Shape);
        var rightStrides = Strides(right.Shape);
        var index = new int[rank];
        for (var flat = 0; flat < total; flat++)
        {
            var rest = flat;
            for (var k = rank - 1; k >= 0; k--)
            {
                index[k] = rest % shape[k];
                rest /= shape[k];
            }
            values[flat] = function(left.Values[Offset(left.Shape, leftStrides, index, rank)], right.Values[Offset(right.Shape, rightStrides, index, rank)]);
        }
        return new SampledValue(shape, values);
    }

    private static int Offset(int[] shape, int[] strides, int[] index, int rank)
    {
        var offset = 0;
        var lead = rank - shape.Length;
        for (var k = 0; k < shape.Length; k++)
        {
            offset += (shape[k] == 1 ? 0 : index[k + lead]) * strides[k];
        }
        return offset;
    }
}
