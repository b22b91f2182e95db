namespace Ppl.Tensors.Kernels;

/// <summary>Which GEMM implementation runs; tests force each one, callers leave it to <see cref="Auto"/>.</summary>
internal enum GemmPath
{
    /// <summary>The fastest the CPU supports, by size.</summary>
    Auto,

    /// <summary>Unpacked, single-threaded loops (small products, CPUs without AVX2).</summary>
    Simple,

    /// <summary>The packed kernel with 256-bit vectors (AVX2 + FMA3).</summary>
    Avx2,

    /// <summary>The packed kernel with 512-bit vectors (AVX-512F).</summary>
    Avx512,
}

/// <summary>Whether the packed kernel splits the product across the two cores.</summary>
internal enum GemmThreading
{
    /// <summary>Split products large enough to repay the hand-off.</summary>
    Auto,

    /// <summary>Always on the calling thread.</summary>
    Single,

    /// <summary>Split whenever the worker is free, however small the product.</summary>
    Split,
}
