using System.Diagnostics;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// One background thread that computes the second half of a GEMM while the caller computes the
/// first (and shares large elementwise jobs, <see cref="Ops.ParallelChunks"/>), so that large products
/// use both cores without <c>Parallel.For</c>'s per-call delegates and allocations. After a job the worker spins briefly (the next GEMM of a training step usually
/// follows within microseconds) and then sleeps until woken.
/// </summary>
/// <remarks>
/// The second half is claimed, not assigned: if the worker has not picked it up by the time the
/// caller finishes the first half (the worker was asleep, or descheduled on a busy machine), the
/// caller computes it too instead of waiting. Process-wide scheduling infrastructure, not model
/// state: it holds no results between calls. A caller that finds it busy (GEMMs issued from several
/// threads at once) computes its whole product itself.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A single instance that lives as long as the process, like the thread that waits on the event.")]
internal sealed unsafe class GemmWorker
{
    /// <summary>How long an idle worker spins before it sleeps (200 µs).</summary>
    private static readonly long _spinTicks = Stopwatch.Frequency / 5000;

    private readonly ManualResetEventSlim _wake = new(false);
    private int _owned;
    private int _ticket;
    private int _pending;
    private int _completed;
    private int _sleeping;
    private Action<nint, GemmRange>? _job;
    private nint _state;
    private GemmRange _range;

    private GemmWorker()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "Ppl GEMM worker" };
        thread.Start();
    }

    /// <summary>The worker, or null on a single-core machine.</summary>
    public static GemmWorker? Shared { get; } = Environment.ProcessorCount > 1 ? new GemmWorker() : null;

    /// <summary>
    /// Runs <c>job(state, first)</c> on the caller and <c>job(state, second)</c> on the worker (or on
    /// the caller, if the worker has not claimed it in time), and returns when both are done; false
    /// (nothing run) if the worker is busy with another caller.
    /// </summary>
    /// <param name="job">A static method: no closure, so no allocation per call.</param>
    /// <param name="state">A pointer to the caller's task, valid until this returns.</param>
    /// <param name="first">The caller's share.</param>
    /// <param name="second">The worker's share.</param>
    public bool TryRunSplit(Action<nint, GemmRange> job, nint state, GemmRange first, GemmRange second)
    {
        if (Interlocked.CompareExchange(ref _owned, 1, 0) != 0)
        {
            return false;
        }
        _job = job;
        _state = state;
        _range = second;
        var ticket = _ticket = _ticket == int.MaxValue ? 1 : _ticket + 1;
        // Publishes the fields above (full fence), then reads the sleeping flag: a Dekker handshake
        // with the worker, which sets the flag (full fence) and then reads _pending.
        Interlocked.Exchange(ref _pending, ticket);
        if (Volatile.Read(ref _sleeping) == 1)
        {
            _wake.Set();
        }
        job(state, first);
        if (Interlocked.CompareExchange(ref _pending, 0, ticket) == ticket)
        {
            job(state, second);
        }
        else
        {
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _completed) != ticket)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
        _job = null;
        Volatile.Write(ref _owned, 0);
        return true;
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
            _job!(_state, _range);
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
