namespace Ppl.Tensors;

/// <summary>
/// The buffer behind one or more tensors (a tensor and its views share one storage). A pooled storage
/// is released when the <see cref="TensorScope"/> that rented it ends; any later access throws rather
/// than reading a buffer that another tensor now owns.
/// </summary>
internal sealed class Storage
{
    internal Storage(Array data, DType dtype)
    {
        Data = data;
        DType = dtype;
    }

    /// <summary>A <c>float[]</c> or <c>double[]</c>, as <see cref="DType"/> says.</summary>
    internal Array Data { get; }

    internal DType DType { get; }

    internal bool IsReleased { get; private set; }

    internal Span<T> Span<T>(int offset, int length)
    {
        ObjectDisposedException.ThrowIf(IsReleased, this);
        return new Span<T>((T[])Data, offset, length);
    }

    internal void MarkReleased() => IsReleased = true;

    internal static Storage Allocate(DType dtype, int length) =>
        new(dtype == DType.Float32 ? new float[length] : new double[length], dtype);
}
