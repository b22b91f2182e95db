using System.Diagnostics;
using System.Globalization;

namespace Ppl.Tensors.Tests.Allocation;

/// <summary>
/// Runs the allocation tests alone (after the parallel collections). Run beside other tests, a step
/// may find the GEMM worker busy with another test's product and pack a whole product on its own
/// thread for the first time, whose per-thread packing buffers then grow once: a steady state of
/// its own, not the one measured here.
/// </summary>
[CollectionDefinition(nameof(SerialAllocationCounting), DisableParallelization = true)]
public sealed class SerialAllocationCounting;

/// <summary>
/// A steady-state training step inside a <see cref="TensorScope"/> allocates nothing: buffers, tensor
/// objects, autodiff records, shapes, constant functions and parallel work items all come back from
/// pools. The calling thread is measured here; the whole process (GEMM worker and thread-pool threads
/// included) in a probe process of its own (<see cref="AllocationProbe"/>).
/// </summary>
[Collection(nameof(SerialAllocationCounting))]
public sealed class AllocationTests
{
    public static TheoryData<string> Steps => ["vae", "mlp"];

    [Theory]
    [MemberData(nameof(Steps))]
    public void Steady_state_training_step_allocates_nothing_on_the_calling_thread(string step)
    {
        var pool = new BufferPool();
        var bytes = AllocationProbe.Measure(TrainingSteps.ByName(step, pool));
        Assert.Equal(0, pool.RentedCount);
        Assert.Equal(0, bytes.ThreadBytes);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Steady_state_training_step_allocates_nothing_in_the_whole_process(string step)
    {
        var assembly = typeof(AllocationProbe).Assembly.Location;
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", assembly, "allocation-probe", step })
        {
            start.ArgumentList.Add(argument);
        }
        using var probe = Process.Start(start)!;
        var output = probe.StandardOutput.ReadToEnd();
        var error = probe.StandardError.ReadToEnd();
        probe.WaitForExit();
        Assert.True(probe.ExitCode == 0, $"probe failed: {error}");
        var numbers = output.Trim().Split(' ');
        Assert.Equal(0, double.Parse(numbers[0], CultureInfo.InvariantCulture));
        Assert.Equal(0, double.Parse(numbers[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_same_step_without_a_scope_allocates_its_tensors()
    {
        // The twin without pooling allocates every activation and gradient (a [128, 784] float32
        // tensor alone is 392 KiB): the counter sees allocations, so the tests above can fail.
        var bytes = AllocationProbe.Measure(TrainingSteps.Vae(pool: null));
        Assert.True(bytes.ThreadBytes > 1_000_000, $"{bytes.ThreadBytes:F0} bytes allocated per step");
    }
}
