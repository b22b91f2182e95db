using System.Runtime.ExceptionServices;

namespace Ppl.Tensors.Ops;

/// <summary>A piece of elementwise work over [start, start + count): a struct, so that handing it to
/// <see cref="ParallelChunks"/> allocates no closure.</summary>
internal interface IChunkJob
{
    /// <summary>Does the work for elements [start, start + count).</summary>
    void Run(int start, int count);
}

/// <summary>
/// Shares a large elementwise job between the caller and one thread-pool thread: below
/// <see cref="Threshold"/> elements the job runs inline (a hand-off costs more than it saves); above
/// it, the job is cut into about eight chunks that both threads claim one at a time from a shared
/// counter.
/// </summary>
/// <remarks>
/// Claiming, not assigning: if the pool thread starts late (the pool is busy, the machine
/// oversubscribed), the caller simply claims more chunks, and at the end it waits for at most the one
/// chunk the other thread is running. <c>Parallel.For</c>, which assigns work, measured several times
/// slower than serial on a loaded machine; this costs at worst one queued work item more than serial.
/// The job is a struct (<see cref="IChunkJob"/>) copied into a reusable work item, so a split
/// allocates nothing in the steady state.
/// </remarks>
internal static class ParallelChunks
{
    /// <summary>Elements below which a job is not split (128 KiB of float32: tens of µs of work).</summary>
    internal const int Threshold = 1 << 15;

    private const int MinimumChunk = 1 << 13;

    private static readonly bool _multiCore = Environment.ProcessorCount > 1;

    /// <summary>Whether a job of this length would be split.</summary>
    internal static bool IsLarge(int length) => length >= Threshold && _multiCore;

    /// <summary>Runs <paramref name="job"/> over [0, length), shared between two threads when large.</summary>
    internal static void Run<TJob>(int length, TJob job) where TJob : struct, IChunkJob
    {
        if (!IsLarge(length))
        {
            job.Run(0, length);
            return;
        }
        var chunk = (Math.Max(MinimumChunk, length / 8) + 63) & ~63;
        var shared = SharedJob<TJob>.Acquire(job, length, chunk);
        ThreadPool.UnsafeQueueUserWorkItem(shared, preferLocal: false);
        shared.Work();
        shared.WaitAndRelease();
    }

    /// <summary>
    /// A work item that both threads run: reused, because its two owners (the caller and the queued
    /// work item) each hand it back, and only the last one to finish makes it free for the next job.
    /// </summary>
    private sealed class SharedJob<TJob> : IThreadPoolWorkItem where TJob : struct, IChunkJob
    {
        // A few per job type: jobs of one type run one at a time per calling thread, and a free one
        // is found unless a late pool thread still holds the last one.
        private static readonly SharedJob<TJob>?[] _cache = new SharedJob<TJob>?[4];

        private TJob _job;
        private int _length;
        private int _chunk;
        private int _chunks;
        private int _next;
        private int _finished;
        private int _owners;
        private int _busy;
        private ExceptionDispatchInfo? _error;

        internal static SharedJob<TJob> Acquire(TJob job, int length, int chunk)
        {
            SharedJob<TJob>? shared = null;
            for (var i = 0; i < _cache.Length && shared is null; i++)
            {
                var candidate = Volatile.Read(ref _cache[i]);
                if (candidate is null)
                {
                    candidate = new SharedJob<TJob>();
                    candidate._busy = 1;
                    if (Interlocked.CompareExchange(ref _cache[i], candidate, null) is null)
                    {
                        shared = candidate;
                    }
                }
                else if (Interlocked.CompareExchange(ref candidate._busy, 1, 0) == 0)
                {
                    shared = candidate;
                }
            }
            shared ??= new SharedJob<TJob> { _busy = 1 };
            shared._job = job;
            shared._length = length;
            shared._chunk = chunk;
            shared._chunks = (length + chunk - 1) / chunk;
            shared._next = 0;
            shared._finished = 0;
            shared._error = null;
            // Published to the pool thread by the queueing (a full fence).
            shared._owners = 2;
            return shared;
        }

        public void Execute()
        {
            Work();
            Release();
        }

        /// <summary>Claims and runs chunks until none is left.</summary>
        internal void Work()
        {
            int c;
            while ((c = Interlocked.Increment(ref _next) - 1) < _chunks)
            {
                var start = c * _chunk;
                try
                {
                    _job.Run(start, Math.Min(_chunk, _length - start));
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

        /// <summary>Waits for chunks still running on the other thread, lets go of the item, and rethrows a chunk's failure.</summary>
        internal void WaitAndRelease()
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref _finished) < _chunks)
            {
                spin.SpinOnce();
            }
            var error = _error;
            Release();
            error?.Throw();
        }

        private void Release()
        {
            if (Interlocked.Decrement(ref _owners) == 0)
            {
                _job = default;
                _error = null;
                Volatile.Write(ref _busy, 0);
            }
        }
    }
}
