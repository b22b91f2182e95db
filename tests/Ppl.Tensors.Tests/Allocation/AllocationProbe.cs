using System.Globalization;

namespace Ppl.Tensors.Tests.Allocation;

/// <summary>
/// The test assembly's entry point (instead of the one the test SDK generates), used only by
/// <see cref="AllocationTests"/>: <c>dotnet exec Ppl.Tensors.Tests.dll allocation-probe vae</c> runs a
/// training step in a process of its own and prints the bytes a steady-state step allocates on the
/// calling thread and in the whole process. In the test host the process-wide counter is useless:
/// the host's own threads allocate a few KiB per second while a test sleeps.
/// </summary>
public static class AllocationProbe
{
    /// <summary>Warm-up steps: the pool fills on the first, the rest let tiered compilation settle.</summary>
    internal const int WarmUpSteps = 60;

    /// <summary>Measured steps.</summary>
    internal const int MeasuredSteps = 20;

    /// <summary>The bytes allocated per steady-state step, on the calling thread and in the whole process.</summary>
    internal readonly record struct Allocation(double ThreadBytes, double ProcessBytes);

    /// <summary>Runs the probe when asked to (<c>allocation-probe NAME</c>); otherwise does nothing.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 2 || args[0] != "allocation-probe")
        {
            return 0;
        }
        var bytes = Measure(TrainingSteps.ByName(args[1], new BufferPool()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes.ThreadBytes:R} {bytes.ProcessBytes:R}"));
        return 0;
    }

    /// <summary>Runs <paramref name="step"/> until warm, then measures <see cref="MeasuredSteps"/> more.</summary>
    internal static Allocation Measure(Action step)
    {
        for (var i = 0; i < WarmUpSteps; i++)
        {
            step();
        }
        var thread = GC.GetAllocatedBytesForCurrentThread();
        var process = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < MeasuredSteps; i++)
        {
            step();
        }
        var threadBytes = GC.GetAllocatedBytesForCurrentThread() - thread;
        var processBytes = GC.GetTotalAllocatedBytes(precise: true) - process;
        return new Allocation(threadBytes / (double)MeasuredSteps, processBytes / (double)MeasuredSteps);
    }
}
