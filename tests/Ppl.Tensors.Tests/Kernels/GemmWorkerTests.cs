using System.Diagnostics;
using System.Runtime.CompilerServices;
using Ppl.Tensors.Kernels;

namespace Ppl.Tensors.Tests.Kernels;

/// <summary>
/// The hand-off protocol of <see cref="GemmWorker"/>, on a worker of the test's own (not the shared
/// one, which other tests use at the same time): the caller and the worker claim pieces from one
/// counter; gates inside the job force the worker to take none, all or an exact number of them,
/// and every piece must run exactly once.
/// </summary>
public sealed unsafe class GemmWorkerTests
{
    private const int Pieces = 12;

    private static readonly GemmWorker _worker = new();

    /// <summary>How long a gate waits for the other thread before the test fails instead of hanging.</summary>
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(Pieces)]
    public void The_worker_takes_exactly_its_forced_share_and_every_piece_runs_once(int workerShare)
    {
        for (var repeat = 0; repeat < 20; repeat++)
        {
            var state = new GatedJob { WorkerShare = workerShare };
            Assert.True(_worker.TryEnter());
            _worker.RunAndLeave(GatedJob.Run, (nint)Unsafe.AsPointer(ref state));
            Assert.False(state.TimedOut, "a gate waited too long");
            Assert.Equal(workerShare, state.Done[GemmWorker.WorkerSlot]);
            Assert.Equal(Pieces - workerShare, state.Done[GemmWorker.CallerSlot]);
            for (var q = 0; q < Pieces; q++)
            {
                Assert.Equal(1, state.Runs[q]);
            }
        }
    }

    [Fact]
    public void A_caller_that_finds_the_worker_taken_is_refused_until_it_is_given_up()
    {
        Assert.True(_worker.TryEnter());
        Assert.False(_worker.TryEnter());
        var state = new GatedJob { WorkerShare = 0 };
        _worker.RunAndLeave(GatedJob.Run, (nint)Unsafe.AsPointer(ref state));
        Assert.True(_worker.TryEnter());
        state = new GatedJob { WorkerShare = 0 };
        _worker.RunAndLeave(GatedJob.Run, (nint)Unsafe.AsPointer(ref state));
    }

    /// <summary>
    /// Counts runs per piece and per slot. The worker claims pieces until it has its share; the
    /// caller first waits until the worker has that share (or, for a share of 0, claims at once).
    /// With a share of 0 the worker, if it starts at all, waits until the caller has claimed
    /// everything, so it finds nothing.
    /// </summary>
    private struct GatedJob
    {
        public int WorkerShare;
        public int Next;
        public InlineArray2 Done;
        public InlineArray12 Runs;
        public bool TimedOut;

        public static readonly Action<nint, int> Run = static (state, slot) => Work(ref Unsafe.AsRef<GatedJob>((void*)state), slot);

        private static void Work(ref GatedJob job, int slot)
        {
            if (slot == GemmWorker.WorkerSlot)
            {
                if (job.WorkerShare == 0)
                {
                    Wait(ref job, ref job.Next, Pieces);
                }
                while (job.Done[slot] < job.WorkerShare && Claim(ref job, slot))
                {
                }
                return;
            }
            if (job.WorkerShare > 0)
            {
                Wait(ref job, ref job.Done[GemmWorker.WorkerSlot], job.WorkerShare);
            }
            while (Claim(ref job, slot))
            {
            }
        }

        private static bool Claim(ref GatedJob job, int slot)
        {
            var q = Interlocked.Increment(ref job.Next) - 1;
            if (q >= Pieces)
            {
                return false;
            }
            Interlocked.Increment(ref job.Runs[q]);
            Volatile.Write(ref job.Done[slot], job.Done[slot] + 1);
            return true;
        }

        private static void Wait(ref GatedJob job, ref int counter, int target)
        {
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref counter) < target)
            {
                if (clock.Elapsed > _patience)
                {
                    job.TimedOut = true;
                    return;
                }
                Thread.Yield();
            }
        }
    }

    [InlineArray(2)]
    private struct InlineArray2
    {
        private int _element;
    }

    [InlineArray(12)]
    private struct InlineArray12
    {
        private int _element;
    }
}
