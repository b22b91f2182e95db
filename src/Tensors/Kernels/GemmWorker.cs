using System.Diagnostics;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// One background thread that shares a job with its caller: both threads run the same job, which
/// claims pieces of work from a counter in its state (pieces of a GEMM, <see cref="GemmPieces{T}"/>;
/// chunks of a large elementwise job, <see cref="Ops.ParallelChunks"/>), so that large products use
/// both cores without <c>Parallel.For</c>'s per-call delegates and allocations. After a job the
/// worker spins briefly (the next GEMM of a training step usually follows within microseconds) and
/// then sleeps until woken.
/// </summary>
/// <remarks>
/// Work is claimed, never assigned: a worker that starts late (asleep, or descheduled on a busy
/// machine) takes fewer pieces and the caller more, and when no piece is left the caller waits for at
/// most the one piece the worker is running. A worker that has not started by then is not waited
/// for at all. Use: <see cref="TryEnter"/>, prepare the job's state (e.g. size shared buffers: the
/// worker is idle), then <see cref="RunAndLeave"/>. Process-wide scheduling infrastructure, not
/// model state: it holds no results between calls. A caller that finds it owned by another thread
/// (GEMMs issued from several threads at once) computes its work itself.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "Instances live as long as the process, like the thread that waits on the event.")]
internal sealed class GemmWorker
{
    /// <summary>The caller's slot: the first argument a job's caller-side run receives.</summary>
    public const int CallerSlot = 0;

    /// <summary>The worker's slot.</summary>
    public const int WorkerSlot = 1;

    /// <summary>How long an idle worker spins before it sleeps (200 µs).</summary>
    private static readonly long _spinTicks = Stopwatch.Frequency / 5000;

    private readonly ManualResetEventSlim _wake = new(false);
    private int _owned;
    private int _ticket;
    private int _pending;
    private int _completed;
    private int _sleeping;
    private Action<nint, int>? _job;
    private nint _state;

    /// <summary>Starts a worker thread; the process uses <see cref="Shared"/>, tests may make their own.</summary>
    internal GemmWorker()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "Ppl GEMM worker" };
        thread.Start();
    }

    /// <summary>The worker, or null on a single-core machine.</summary>
    public static GemmWorker? Shared { get; } = Environment.ProcessorCount > 1 ? new GemmWorker() : null;

    /// <summary>Takes the worker for the calling thread; false if another caller holds it.</summary>
    public bool TryEnter() => Interlocked.CompareExchange(ref _owned, 1, 0) == 0;

    /// <summary>
    /// Runs <c>job(state, <see cref="CallerSlot"/>)</c> on the caller and, if the worker starts before
    /// the caller's run returns, <c>job(state, <see cref="WorkerSlot"/>)</c> on the worker; returns
    /// when both are done and gives the worker up. The job must claim its work, so that either run
    /// alone does all of it. Requires a successful <see cref="TryEnter"/>.
    /// </summary>
    /// <param name="job">A static method: no closure, so no allocation per call.</param>
    /// <param name="state">A pointer to the caller's state, valid until this returns.</param>
    public void RunAndLeave(Action<nint, int> job, nint state)
    {
        Debug.Assert(Volatile.Read(ref _owned) == 1, "RunAndLeave without TryEnter");
        _job = job;
        _state = state;
        var ticket = _ticket = _ticket == int.MaxValue ? 1 : _ticket + 1;
        // Publishes the fields above (full fence), then reads the sleeping flag: a Dekker handshake
        // with the worker, which sets the flag (full fence) and then reads _pending.
        Interlocked.Exchange(ref _pending, ticket);
        if (Volatile.Read(ref _sleeping) == 1)
        {
            _wake.Set();
        }
        job(state, CallerSlot);
        // Nothing is left to claim. A worker that has not taken the ticket yet never will; one that
        // has is finishing at most one piece.
        if (Interlocked.CompareExchange(ref _pending, 0, ticket) != ticket)
        {
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _completed) != ticket)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
        _job = null;
        Volatile.Write(ref _owned, 0);
    }

    private void Loop()
    {
        while (true)
        {
            var ticket = WaitForPending();
            if (Interlocked.CompareExchange(ref _pending, 0, ticket) != ticket)
            {
                continue;
            }
            _job!(_state, WorkerSlot);
            Volatile.Write(ref _completed, ticket);
        }
    }

    private int WaitForPending()
    {
        var start = Stopwatch.GetTimestamp();
        var spinner = default(SpinWait);
        while (true)
        {
            var ticket = Volatile.Read(ref _pending);
            if (ticket != 0)
            {
                return ticket;
            }
            if (Stopwatch.GetTimestamp() - start < _spinTicks)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }
            Interlocked.Exchange(ref _sleeping, 1);
            if (Volatile.Read(ref _pending) == 0)
            {
                _wake.Wait();
            }
            _wake.Reset();
            Interlocked.Exchange(ref _sleeping, 0);
            start = Stopwatch.GetTimestamp();
            spinner = default;
        }
    }
}
