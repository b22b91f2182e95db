namespace Ppl.Inference.Em;

/// <summary>Splits the rows of a plate between the cores: the data axis N is the parallel axis of every EM pass.</summary>
internal static class RowChunks
{
    /// <summary>Below this many rows one thread does the whole pass.</summary>
    private const int ParallelRows = 4096;

    /// <summary>Runs <paramref name="body"/> on [start, end) ranges covering 0..<paramref name="rows"/>, one per core.</summary>
    public static void For(int rows, Action<int, int> body)
    {
        var chunks = rows < ParallelRows ? 1 : Environment.ProcessorCount;
        if (chunks <= 1)
        {
            body(0, rows);
            return;
        }
        var size = (rows + chunks - 1) / chunks;
        Parallel.For(0, chunks, c => body(c * size, Math.Min(rows, (c + 1) * size)));
    }
}
