namespace Ppl.Tensors.Kernels;

/// <summary>
/// One GEMM call on pinned row-major buffers: C = op(A) · op(B) (+ C), with op(A) m×k and op(B)
/// k×n, as <see cref="Gemm"/> documents. Pointers stay valid only while the caller keeps the
/// buffers pinned, which <see cref="Gemm"/> does until every thread has finished. (A plain struct:
/// records may not hold pointers.)
/// </summary>
internal readonly unsafe struct GemmTask<T>(
    T* a, T* b, T* c, int m, int n, int k, bool transposeA, bool transposeB, bool accumulate)
    where T : unmanaged
{
    public T* A { get; } = a;
    public T* B { get; } = b;
    public T* C { get; } = c;
    public int M { get; } = m;
    public int N { get; } = n;
    public int K { get; } = k;
    public bool TransposeA { get; } = transposeA;
    public bool TransposeB { get; } = transposeB;
    public bool Accumulate { get; } = accumulate;

    /// <summary>op(A)[i, p].</summary>
    public T AAt(int i, int p) => TransposeA ? A[(long)p * M + i] : A[(long)i * K + p];
}

/// <summary>A rectangle of C, rows [RowStart, RowEnd) and columns [ColumnStart, ColumnEnd): a piece of a product, or all of it.</summary>
internal readonly record struct GemmRange(int RowStart, int RowEnd, int ColumnStart, int ColumnEnd);
