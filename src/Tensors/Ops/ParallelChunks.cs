namespace Ppl.Tensors.Ops;

/// <summary>
/// Splits a large elementwise job over the cores: below <see cref="Threshold"/> elements the job runs
/// inline (a task hand-off costs more than it saves, and small steps stay allocation-free); above it,
/// one chunk per core, each a multiple of 64 elements so chunks never share a cache line.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Elements below which a job is not split (≈ 128 KiB of float32, a few µs of work).</summary>
    internal const int Threshold = 1 << 15;

    private static readonly int _workers = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Runs <paramref name="body"/>(start, count) over [0, length), in parallel when large.</summary>
    internal static void Run(int length, Action<int, int> body)
    {
        if (length < Threshold || _workers == 1)
        {
            body(0, length);
            return;
        }
        var chunks = _workers;
        var size = (length / chunks + 63) & ~63;
        Parallel.For(0, chunks, c =>
        {
            var start = c * size;
            var count = Math.Min(size, length - start);
            if (count > 0)
            {
                body(start, count);
            }
        });
    }

    /// <summary>Whether a job of this length would be split (callers skip building a closure otherwise).</summary>
    internal static bool IsLarge(int length) => length >= Threshold && _workers > 1;
}
