using System.Diagnostics;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// One background thread that computes the second half of a GEMM while the caller computes the
/// first (and shares large elementwise jobs, <see cref="Ops.ParallelChunks"/>), so that large products
/// use both cores without <c>Parallel.For</c>'s per-call delegates and allocations. After a job the
/// worker spins for a window that covers the gaps of a training step (the next GEMM or large
/// elementwise job usually follows within microseconds, the next step within a millisecond) and then
/// sleeps until woken.
/// </summary>
/// <remarks>
/// The second half is claimed, not assigned: if the worker has not picked it up by the time the
/// caller finishes the first half (the worker was asleep, or descheduled on a busy machine), the
/// caller computes it too instead of waiting. A job submitted while the worker sleeps is not shared
/// at all: the caller wakes the worker (for the jobs that follow) and runs this one alone, because a
/// freshly woken thread claims its half tens of µs late, often on the caller's own core until the
/// scheduler migrates it, and the caller then waits for a half that runs no faster than its own.
/// Process-wide scheduling infrastructure, not model
/// state: it holds no results between calls. A caller that finds it busy (GEMMs issued from several
/// threads at once) computes its whole product itself.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A single instance that lives as long as the process, like the thread that waits on the event.")]
internal sealed unsafe class GemmWorker
{
    /// <summary>
    /// How long an idle worker spins before it sleeps (5 ms; it yields while spinning). With the former
    /// 200 µs the worker fell asleep inside a training step, and the step's time became bimodal
    /// (issue 3); OpenMP runtimes spin for comparable or longer windows (KMP_BLOCKTIME = 200 ms).
    /// </summary>
    private static readonly long _spinTicks = Stopwatch.Frequency / 200;

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

    /// <summary>Whether the worker is asleep (its next job would not be shared), for tests.</summary>
    internal bool IsSleeping => Volatile.Read(ref _sleeping) == 1;

    /// <summary>The worker, or null on a single-core machine.</summary>
    public static GemmWorker? Shared { get; } = Environment.ProcessorCount > 1 ? new GemmWorker() : null;

    /// <summary>
    /// Runs <c>job(state, first)</c> on the caller and <c>job(state, second)</c> on the worker (or on
    /// the caller, if the worker has not claimed it in time), and returns when both are done; false
    /// (nothing run) if the worker is busy with another caller, or asleep (it is woken for the next job).
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
        if (Volatile.Read(ref _sleeping) == 1)
        {
            _wake.Set();
            Volatile.Write(ref _owned, 0);
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
