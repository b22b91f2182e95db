using Ppl.Tensors.Kernels;

namespace Ppl.Tensors.Tests.Kernels;

/// <summary>
/// The worker's hand-off (issue 3): a job submitted while the worker sleeps is not shared (the caller
/// runs it alone and wakes the worker), and a job submitted while it is awake runs both halves. Serial:
/// no other test may use the worker meanwhile.
/// </summary>
[Collection(nameof(SerialGemmWorker))]
public sealed class GemmWorkerTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(20);

    /// <summary>How often each half ran (a half is told apart by its first row).</summary>
    private static readonly int[] _counts = new int[2];

    private static readonly Action<nint, GemmRange> _count = static (_, range) => Interlocked.Increment(ref _counts[range.RowStart]);

    private static bool WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + _patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            Thread.Sleep(1);
        }
        return true;
    }

    [Fact]
    public void A_sleeping_worker_is_woken_but_not_given_the_job_and_an_awake_one_shares_it()
    {
        var worker = GemmWorker.Shared;
        if (worker is null)
        {
            return;
        }
        var counts = _counts;
        var first = new GemmRange(0, 1, 0, 1);
        var second = new GemmRange(1, 2, 0, 1);

        Assert.True(WaitUntil(() => worker.IsSleeping), "the idle worker never went to sleep");
        Assert.False(worker.TryRunSplit(_count, 0, first, second));
        Assert.Equal(0, counts[0] + counts[1]);
        Assert.True(WaitUntil(() => !worker.IsSleeping), "the worker was not woken");

        // Awake now (or asleep again, if descheduled past its spin window on a loaded machine: then
        // the call runs nothing and is retried). Every accepted call runs each half exactly once.
        var accepted = 0;
        for (var attempt = 0; attempt < 1000 && accepted < 10; attempt++)
        {
            counts[0] = counts[1] = 0;
            if (worker.TryRunSplit(_count, 0, first, second))
            {
                accepted++;
                Assert.Equal(1, counts[0]);
                Assert.Equal(1, counts[1]);
            }
            else
            {
                Assert.Equal(0, counts[0] + counts[1]);
                WaitUntil(() => !worker.IsSleeping);
            }
        }
        Assert.Equal(10, accepted);
    }
}

/// <summary>Tests that observe the shared GEMM worker's state run alone.</summary>
[CollectionDefinition(nameof(SerialGemmWorker), DisableParallelization = true)]
public sealed class SerialGemmWorker;
