using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Ppl.Tensors.Kernels;

namespace Ppl.Tensors.Ops;

/// <summary>A piece of elementwise work over [start, start + count): a struct, so that handing it to
/// <see cref="ParallelChunks"/> allocates no closure.</summary>
internal interface IChunkJob
{
    /// <summary>Does the work for elements [start, start + count).</summary>
    void Run(int start, int count);
}

/// <summary>
/// Shares a large elementwise job between the caller and the second core's worker thread
/// (<see cref="GemmWorker"/>, idle between GEMMs): below <see cref="Threshold"/> elements the job runs
/// inline (a hand-off costs more than it saves); above it, the job is cut into about eight chunks that
/// both threads claim one at a time from a shared counter.
/// </summary>
/// <remarks>
/// Claiming, not assigning: if the worker starts late (asleep, or descheduled on an oversubscribed
/// machine), the caller simply claims more chunks, and at the end it waits for at most the one chunk
/// the worker is running; if the worker is busy with another caller, the caller runs the whole job.
/// <c>Parallel.For</c>, which assigns work, measured several times slower than serial on a loaded
/// machine. The thread pool is not used: a work item queued behind a busy pool holds its job object
/// until it runs, so a step would allocate whenever the pool is busy. The job's state lives on the
/// caller's stack, and the worker reaches it through a pointer while the caller waits: nothing is
/// allocated.
/// </remarks>
internal static unsafe class ParallelChunks
{
    /// <summary>Elements below which a job is not split (128 KiB of float32: tens of µs of work).</summary>
    internal const int Threshold = 1 << 15;

    private const int MinimumChunk = 1 << 13;

    /// <summary>Whether a job of this length would be split.</summary>
    internal static bool IsLarge(int length) => length >= Threshold && GemmWorker.Shared is not null;

    /// <summary>Runs <paramref name="job"/> over [0, length), shared between two threads when large.</summary>
    internal static void Run<TJob>(int length, TJob job) where TJob : struct, IChunkJob
    {
        if (!IsLarge(length))
        {
            job.Run(0, length);
            return;
        }
        var chunk = (Math.Max(MinimumChunk, length / 8) + 63) & ~63;
        var shared = new SharedJob<TJob>(job, length, chunk);
        // The caller's stack frame does not move and stays alive until both threads are done.
        var state = (nint)Unsafe.AsPointer(ref shared);
        var worker = GemmWorker.Shared!;
        if (!worker.TryEnter())
        {
            job.Run(0, length);
            return;
        }
        worker.RunAndLeave(Runner<TJob>.Run, state);
        shared.Error?.Throw();
    }

    /// <summary>
    /// Runs <paramref name="body"/>(start, count) over [0, length): the delegate form, for callers off
    /// the hot path (a lambda capturing locals allocates its closure on every call).
    /// </summary>
    internal static void Run(int length, Action<int, int> body) => Run(length, new DelegateJob(body));

    /// <summary>A delegate as a job.</summary>
    private readonly record struct DelegateJob(Action<int, int> Body) : IChunkJob
    {
        public void Run(int start, int count) => Body(start, count);
    }

    /// <summary>One job's chunks, claimed by both threads.</summary>
    private struct SharedJob<TJob>(TJob job, int length, int chunk) where TJob : struct, IChunkJob
    {
        public TJob Job = job;
        public readonly int Length = length;
        public readonly int Chunk = chunk;
        public readonly int Chunks = (length + chunk - 1) / chunk;
        public int Next;
        public ExceptionDispatchInfo? Error;
    }

    /// <summary>The worker's entry point for one job type, cached: no delegate per call.</summary>
    private static class Runner<TJob> where TJob : struct, IChunkJob
    {
        public static readonly Action<nint, int> Run = static (state, _) => Work(ref Unsafe.AsRef<SharedJob<TJob>>((void*)state));
    }

    /// <summary>Claims and runs chunks until none is left; a failure is kept for the caller to rethrow.</summary>
    private static void Work<TJob>(ref SharedJob<TJob> shared) where TJob : struct, IChunkJob
    {
        int c;
        while ((c = Interlocked.Increment(ref shared.Next) - 1) < shared.Chunks)
        {
            var start = c * shared.Chunk;
            try
            {
                shared.Job.Run(start, Math.Min(shared.Chunk, shared.Length - start));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Interlocked.CompareExchange(ref shared.Error, ExceptionDispatchInfo.Capture(e), null);
            }
        }
    }
}
