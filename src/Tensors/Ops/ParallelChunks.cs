using System.Runtime.ExceptionServices;

namespace Ppl.Tensors.Ops;

/// <summary>
/// Shares a large elementwise job between the caller and one thread-pool thread: below
/// <see cref="Threshold"/> elements the job runs inline (a hand-off costs more than it saves, and small
/// steps stay allocation-free); above it, the job is cut into about eight chunks that both threads
/// claim one at a time from a shared counter.
/// </summary>
/// <remarks>
/// Claiming, not assigning: if the pool thread starts late (the pool is busy, the machine
/// oversubscribed), the caller simply claims more chunks, and at the end it waits for at most the one
/// chunk the other thread is running. <c>Parallel.For</c>, which assigns work, measured several times
/// slower than serial on a loaded machine; this costs at worst one queued work item more than serial.
/// A split allocates one small job object (large ops only).
/// </remarks>
internal static class ParallelChunks
{
    /// <summary>Elements below which a job is not split (128 KiB of float32: tens of µs of work).</summary>
    internal const int Threshold = 1 << 15;

    private const int MinimumChunk = 1 << 13;

    private static readonly bool _multiCore = Environment.ProcessorCount > 1;

    /// <summary>Whether a job of this length would be split (callers skip building a closure otherwise).</summary>
    internal static bool IsLarge(int length) => length >= Threshold && _multiCore;

    /// <summary>Runs <paramref name="body"/>(start, count) over [0, length), shared between two threads when large.</summary>
    internal static void Run(int length, Action<int, int> body)
    {
        if (!IsLarge(length))
        {
            body(0, length);
            return;
        }
        var chunk = (Math.Max(MinimumChunk, length / 8) + 63) & ~63;
        var job = new SharedJob(body, length, chunk);
        ThreadPool.UnsafeQueueUserWorkItem(job, preferLocal: false);
        job.Work();
        job.Wait();
    }

    private sealed class SharedJob(Action<int, int> body, int length, int chunk) : IThreadPoolWorkItem
    {
        private readonly int _chunks = (length + chunk - 1) / chunk;
        private int _next;
        private int _finished;
        private ExceptionDispatchInfo? _error;

        public void Execute() => Work();

        /// <summary>Claims and runs chunks until none is left.</summary>
        internal void Work()
        {
            int c;
            while ((c = Interlocked.Increment(ref _next) - 1) < _chunks)
            {
                var start = c * chunk;
                try
                {
                    body(start, Math.Min(chunk, length - start));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
                }
                finally
                {
                    Interlocked.Increment(ref _finished);
                }
            }
        }

        /// <summary>Waits for chunks still running on the other thread; rethrows a chunk's failure.</summary>
        internal void Wait()
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref _finished) < _chunks)
            {
                spin.SpinOnce();
            }
            _error?.Throw();
        }
    }
}
