namespace Ppl.Inference.Em;

/// <summary>Splits the rows of a plate between the cores: the data axis N is the parallel axis of every EM pass.</summary>
internal static class RowChunks
{
    /// <summary>Below this many rows one thread does the whole pass.</summary>
    private const int ParallelRows = 4096;

    /// <summary>How many chunks <see cref="For(int, int, Action{int, int, int})"/> makes for <paramref name="rows"/> rows (for per-chunk scratch).</summary>
    public static int Count(int rows) => rows < ParallelRows ? 1 : Environment.ProcessorCount;

    /// <summary>Runs <paramref name="body"/> on [start, end) ranges covering 0..<paramref name="rows"/>, one per core.</summary>
    public static void For(int rows, Action<int, int> body) => For(rows, 1, (_, start, end) => body(start, end));

    /// <summary>
    /// Runs <paramref name="body"/>(chunk, start, end) on ranges covering 0..<paramref name="rows"/>, one per core;
    /// every start is a multiple of <paramref name="align"/>, and chunk is in 0..<see cref="Count"/>−1.
    /// </summary>
    public static void For(int rows, int align, Action<int, int, int> body)
    {
        var chunks = Count(rows);
        if (chunks <= 1)
        {
            body(0, 0, rows);
            return;
        }
        var size = ((rows + chunks - 1) / chunks + align - 1) / align * align;
        Parallel.For(0, chunks, c => body(c, Math.Min(rows, c * size), Math.Min(rows, (c + 1) * size)));
    }
}
