using System.Diagnostics;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// One background thread that computes the second half of a GEMM while the caller computes the
/// first, so that large products use both cores without <c>Parallel.For</c>'s per-call delegates
/// and allocations. After a job the worker spins briefly (the next GEMM of a training step usually
/// follows within microseconds) and then sleeps until woken.
/// </summary>
/// <remarks>
/// Process-wide scheduling infrastructure, not model state: it holds no results between calls. A
/// caller that finds it busy (GEMMs issued from several threads at once) computes its whole product
/// itself.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A single instance that lives as long as the process, like the thread that waits on the event.")]
internal sealed unsafe class GemmWorker
{
    /// <summary>How long an idle worker spins before it sleeps.</summary>
    private static readonly long _spinTicks = Stopwatch.Frequency / 5000;

    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Thread _thread;
    private int _owned;
    private int _requested;
    private int _completed;
    private int _sleeping;
    private Action<nint, GemmRange>? _job;
    private nint _state;
    private GemmRange _range;

    private GemmWorker()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "Ppl GEMM worker" };
        _thread.Start();
    }

    /// <summary>The worker, or null on a single-core machine.</summary>
    public static GemmWorker? Shared { get; } = Environment.ProcessorCount > 1 ? new GemmWorker() : null;

    /// <summary>
    /// Runs <c>job(state, second)</c> on the worker and <c>job(state, first)</c> on the caller, and
    /// returns when both are done; false (nothing run) if the worker is busy with another caller.
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
        var ticket = Interlocked.Increment(ref _requested);
        if (Volatile.Read(ref _sleeping) == 1)
        {
            _wake.Set();
        }
        job(state, first);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _completed) != ticket)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        _job = null;
        Volatile.Write(ref _owned, 0);
        return true;
    }

    private void Loop()
    {
        var seen = 0;
        while (true)
        {
            WaitForRequest(seen);
            seen = Volatile.Read(ref _requested);
            _job!(_state, _range);
            Volatile.Write(ref _completed, seen);
        }
    }

    private void WaitForRequest(int seen)
    {
        var start = Stopwatch.GetTimestamp();
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _requested) == seen)
        {
            if (Stopwatch.GetTimestamp() - start < _spinTicks)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }
            // Dekker-style handshake: both sides write, fence (Interlocked), then read the other's flag.
            Interlocked.Exchange(ref _sleeping, 1);
            if (Volatile.Read(ref _requested) == seen)
            {
                _wake.Wait();
            }
            _wake.Reset();
            Interlocked.Exchange(ref _sleeping, 0);
            start = Stopwatch.GetTimestamp();
        }
    }
}
