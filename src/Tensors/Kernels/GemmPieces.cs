namespace Ppl.Tensors.Kernels;

/// <summary>
/// One product cut into pieces that the caller and the worker claim one at a time from a shared
/// counter (<see cref="GemmWorker"/>): a late or descheduled worker costs at most the one piece it
/// holds, and its share adapts to the CPU it gets. The cut runs along rows or columns of C at
/// micro-panel boundaries, so every tile is computed exactly as on one thread: the result is bit for
/// bit the single-threaded one, whoever computes which piece.
/// </summary>
/// <remarks>
/// Every piece needs all of the operand that is not cut (all of B when rows are cut, A's row block
/// when columns are). Each thread packs that operand once, whole, for all its pieces (when it fits
/// <see cref="WholeLimit"/>), so cutting finer costs no extra packing; only its own slice of the cut
/// operand is packed per piece. The cut goes across the dimension whose opposite operand is cheaper
/// to pack twice. All buffers are the caller's to size before the hand-off (a plain struct: it holds
/// pointers, and lives on the caller's stack while both threads read it).
/// </remarks>
internal unsafe struct GemmPieces<T> where T : unmanaged
{
    /// <summary>Multiply-adds per piece below which more pieces stop paying (a few µs of work).</summary>
    private const long PieceWork = 1L << 18;

    /// <summary>Largest operand (elements) a thread packs whole; beyond it, pieces pack block by block.</summary>
    private const long WholeLimit = 1L << 22;

    /// <summary>Most pieces of a product whose shared operand is packed whole.</summary>
    private static readonly int _maxPieces = int.Parse(Environment.GetEnvironmentVariable("PPL_GEMM_PIECES") ?? "16",
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Most pieces when each piece packs both operands itself (each extra piece repacks one).</summary>
    private const int MaxUncachedPieces = 4;

    /// <summary>
    /// Fewest rows (or columns) per piece when the shared operand outgrows L2: a piece then reloads
    /// each packed block of it from L3 and reuses it only across its own micro-panels, which cost
    /// 10–20% of gemm-1024 at 64-row pieces (against 512-row halves).
    /// </summary>
    private const int MinimumSpan = 256;

    /// <summary>The shared counter: the next piece to claim.</summary>
    public int Next;

    private GemmPieces(GemmTask<T>* task, bool byRows, bool cached, int panel, int panels, int perBlock, int count,
        long aLength, long bLength)
    {
        Task = task;
        ByRows = byRows;
        Cached = cached;
        Panel = panel;
        Panels = panels;
        PerBlock = perBlock;
        Count = count;
        ALength = aLength;
        BLength = bLength;
    }

    /// <summary>The product.</summary>
    public GemmTask<T>* Task { get; }

    /// <summary>Whether rows of C are cut (B shared) rather than columns (A's row block shared).</summary>
    public bool ByRows { get; }

    /// <summary>Whether each thread packs the shared operand whole, once.</summary>
    public bool Cached { get; }

    /// <summary>Rows or columns per micro-panel along the cut.</summary>
    public int Panel { get; }

    /// <summary>Micro-panels along the cut (for a column cut, of one row block).</summary>
    public int Panels { get; }

    /// <summary>Pieces per row block (a column cut repeats its pieces for each block of rows).</summary>
    public int PerBlock { get; }

    /// <summary>How many pieces; 1 means the product is not worth cutting.</summary>
    public int Count { get; }

    /// <summary>Elements each thread's A buffer needs.</summary>
    public long ALength { get; }

    /// <summary>Elements each thread's B buffer needs.</summary>
    public long BLength { get; }

    /// <summary>The caller's A buffer.</summary>
    public T* CallerA { get; private set; }

    /// <summary>The caller's B buffer.</summary>
    public T* CallerB { get; private set; }

    /// <summary>The worker's A buffer.</summary>
    public T* WorkerA { get; private set; }

    /// <summary>The worker's B buffer.</summary>
    public T* WorkerB { get; private set; }

    /// <summary>Hands the pieces their buffers (each at least <see cref="ALength"/> and <see cref="BLength"/> long).</summary>
    public void SetBuffers(T* callerA, T* callerB, T* workerA, T* workerB)
    {
        CallerA = callerA;
        CallerB = callerB;
        WorkerA = workerA;
        WorkerB = workerB;
    }

    /// <summary>
    /// Plans the pieces of <paramref name="task"/> for the micro-tile of <typeparamref name="TKernel"/>,
    /// at most <paramref name="maxPieces"/> of them (0: as many as the size repays), packing the
    /// shared operand whole if it has at most <paramref name="wholeLimit"/> elements (0: <see cref="WholeLimit"/>).
    /// </summary>
    public static GemmPieces<T> Plan<TKernel>(GemmTask<T>* task, int maxPieces = 0, long wholeLimit = 0) where TKernel : IMicroKernel<T>
    {
        int m = task->M, n = task->N, k = task->K, mr = TKernel.Rows, nr = TKernel.Columns;
        var rowBlock = BlockedGemm<T, TKernel>.RowBlockSize;
        var rowPanels = (m + mr - 1) / mr;
        var columnPanels = (n + nr - 1) / nr;
        // Cutting rows makes both threads pack all of B, cutting columns A's row block; A packs by a
        // strided gather unless transposed, B when transposed (about a quarter slower than a copy).
        var duplicateB = n * (task->TransposeB ? 1.25 : 1.0);
        var duplicateA = Math.Min(m, rowBlock) * (task->TransposeA ? 1.0 : 1.25);
        var byRows = columnPanels < 2 || (rowPanels >= 2 && duplicateB <= duplicateA);
        var panels = byRows ? rowPanels : columnPanels;
        var rowBlocks = byRows ? 1 : (m + rowBlock - 1) / rowBlock;
        var whole = byRows ? BlockedGemm<T, TKernel>.WholeBLength(k, n) : BlockedGemm<T, TKernel>.WholeALength(k, Math.Min(m, rowBlock));
        var cached = whole <= (wholeLimit > 0 ? wholeLimit : WholeLimit);
        var limit = Math.Max(2, maxPieces > 0 ? maxPieces : cached ? _maxPieces : MaxUncachedPieces);
        var wanted = (int)Math.Clamp((long)m * n * k / PieceWork, 2, limit);
        var panel = byRows ? mr : nr;
        var minimumPanels = whole * sizeof(T) > BlockedGemm<T, TKernel>.L2Bytes ? (MinimumSpan + panel - 1) / panel : 1;
        var mostPerBlock = Math.Max(Math.Min(2, panels), panels / minimumPanels);
        var perBlock = Math.Min(mostPerBlock, Math.Max(1, wanted / rowBlocks));
        var count = perBlock * rowBlocks;
        var widest = (panels + perBlock - 1) / perBlock;
        long aLength, bLength;
        if (byRows)
        {
            aLength = BlockedGemm<T, TKernel>.ABlockLength(k, widest * mr);
            bLength = cached ? whole : BlockedGemm<T, TKernel>.BBlockLength(k, n);
        }
        else
        {
            aLength = cached ? whole : BlockedGemm<T, TKernel>.ABlockLength(k, Math.Min(m, rowBlock));
            bLength = BlockedGemm<T, TKernel>.BBlockLength(k, widest * nr);
        }
        return new GemmPieces<T>(task, byRows, cached, panel, panels, perBlock, count, aLength, bLength);
    }

    /// <summary>Piece <paramref name="q"/>: a panel-aligned rectangle of C; the pieces tile C exactly once.</summary>
    public readonly GemmRange Piece(int q, int rowBlock)
    {
        var block = q / PerBlock;
        var part = q - block * PerBlock;
        var first = (int)((long)part * Panels / PerBlock) * Panel;
        var last = (int)((long)(part + 1) * Panels / PerBlock) * Panel;
        if (ByRows)
        {
            return new GemmRange(first, Math.Min(Task->M, last), 0, Task->N);
        }
        var rowStart = block * rowBlock;
        return new GemmRange(rowStart, Math.Min(Task->M, rowStart + rowBlock), first, Math.Min(Task->N, last));
    }

    /// <summary>
    /// Claims and computes pieces until none is left (or <paramref name="limit"/> are done: the
    /// tests' seam to make a thread take an exact share), packing into the buffers of
    /// <paramref name="slot"/>; returns how many it computed.
    /// </summary>
    public static int Work<TKernel>(ref GemmPieces<T> pieces, int slot, int limit = int.MaxValue) where TKernel : IMicroKernel<T>
    {
        var a = slot == GemmWorker.CallerSlot ? pieces.CallerA : pieces.WorkerA;
        var b = slot == GemmWorker.CallerSlot ? pieces.CallerB : pieces.WorkerB;
        var task = pieces.Task;
        var rowBlock = BlockedGemm<T, TKernel>.RowBlockSize;
        var packedBlock = -1;
        var done = 0;
        while (done < limit)
        {
            var q = Interlocked.Increment(ref pieces.Next) - 1;
            if (q >= pieces.Count)
            {
                break;
            }
            var range = pieces.Piece(q, rowBlock);
            var prepacked = Prepacked.None;
            if (pieces.Cached)
            {
                // The shared operand: all of B, or A's row block of this piece; packed on first need.
                var block = pieces.ByRows ? 0 : q / pieces.PerBlock;
                if (block != packedBlock)
                {
                    if (pieces.ByRows)
                    {
                        BlockedGemm<T, TKernel>.PackWholeB(*task, b);
                    }
                    else
                    {
                        BlockedGemm<T, TKernel>.PackWholeA(*task, range.RowStart, range.RowEnd - range.RowStart, a);
                    }
                    packedBlock = block;
                }
                prepacked = pieces.ByRows ? Prepacked.B : Prepacked.A;
            }
            BlockedGemm<T, TKernel>.Run(*task, range, a, b, prepacked);
            done++;
        }
        return done;
    }
}

/// <summary>The entry point of a cut product for both threads, cached once per kernel: no allocation per call.</summary>
internal static unsafe class GemmPieceJob<T, TKernel>
    where T : unmanaged
    where TKernel : IMicroKernel<T>
{
    /// <summary>Runs <see cref="GemmPieces{T}.Work{TKernel}"/> on the <see cref="GemmPieces{T}"/> the state points to.</summary>
    public static readonly Action<nint, int> Run = static (state, slot) => GemmPieces<T>.Work<TKernel>(ref *(GemmPieces<T>*)state, slot);
}
