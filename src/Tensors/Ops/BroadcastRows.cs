namespace Ppl.Tensors.Ops;

/// <summary>
/// Walks a broadcast output row by row (a row is the innermost axis) and tracks where the matching
/// row of up to two operands starts. On the innermost axis an operand's stride is 1 (a real row) or 0
/// (one element repeated), so each row is one <c>TensorPrimitives</c> call.
/// </summary>
internal ref struct BroadcastRows
{
    private readonly ReadOnlySpan<int> _shape;
    private readonly Span<int> _index;
    private readonly Span<int> _stridesA;
    private readonly Span<int> _stridesB;
    private int _remaining;
    private bool _started;

    /// <summary>Prepares the walk; the three work spans must have the output's rank.</summary>
    internal BroadcastRows(ReadOnlySpan<int> outShape, ReadOnlySpan<int> aShape, ReadOnlySpan<int> bShape,
        Span<int> index, Span<int> stridesA, Span<int> stridesB)
    {
        _shape = outShape;
        _index = index;
        _stridesA = stridesA;
        _stridesB = stridesB;
        index.Clear();
        ShapeMath.BroadcastStrides(aShape, outShape, stridesA);
        ShapeMath.BroadcastStrides(bShape, outShape, stridesB);
        RowLength = outShape.Length == 0 ? 1 : outShape[^1];
        InnerStrideA = outShape.Length == 0 ? 0 : stridesA[^1];
        InnerStrideB = outShape.Length == 0 ? 0 : stridesB[^1];
        _remaining = RowLength == 0 ? 0 : ShapeMath.Size(outShape) / RowLength;
        OffsetOut = 0;
        OffsetA = 0;
        OffsetB = 0;
        _started = false;
    }

    internal int RowLength { get; }

    /// <summary>1 when operand A's row is contiguous, 0 when it is one repeated element.</summary>
    internal int InnerStrideA { get; }

    /// <summary>1 when operand B's row is contiguous, 0 when it is one repeated element.</summary>
    internal int InnerStrideB { get; }

    internal int OffsetOut { get; private set; }

    internal int OffsetA { get; private set; }

    internal int OffsetB { get; private set; }

    internal bool MoveNext()
    {
        if (_remaining == 0)
        {
            return false;
        }
        _remaining--;
        if (!_started)
        {
            _started = true;
            return true;
        }
        OffsetOut += RowLength;
        for (var d = _shape.Length - 2; d >= 0; d--)
        {
            _index[d]++;
            OffsetA += _stridesA[d];
            OffsetB += _stridesB[d];
            if (_index[d] < _shape[d])
            {
                break;
            }
            OffsetA -= _stridesA[d] * _shape[d];
            OffsetB -= _stridesB[d] * _shape[d];
            _index[d] = 0;
        }
        return true;
    }
}
