namespace Ppl.Tensors;

/// <summary>
/// The buffer behind one or more tensors (a tensor and its views share one storage). A pooled storage
/// is released when the <see cref="TensorScope"/> that rented it ends and may then be rented again;
/// its <see cref="Generation"/> counts releases, so a tensor that still points at it after its scope
/// ended sees a different generation and throws rather than reading a buffer another tensor now owns.
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

    /// <summary>How many times the storage went back to its pool (zero for storage that is never pooled).</summary>
    internal int Generation { get; private set; }

    /// <summary>Whether the storage is back in its pool and not rented again.</summary>
    internal bool IsReleased { get; private set; }

    internal Span<T> Span<T>(int offset, int length) => new((T[])Data, offset, length);

    internal void MarkReleased()
    {
        IsReleased = true;
        Generation++;
    }

    internal void MarkRented() => IsReleased = false;

    internal static Storage Allocate(DType dtype, int length) =>
        new(dtype == DType.Float32 ? new float[length] : new double[length], dtype);
}
