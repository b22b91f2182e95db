using System.Globalization;
using System.Runtime.InteropServices;

namespace Ppl.Bench.Reporting;

/// <summary>What a result depends on: the CPU, the runtime, the peer's packages, the load.</summary>
internal static class MachineInfo
{
    /// <summary>The CPU model from /proc/cpuinfo, with the core count.</summary>
    public static string Cpu()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{model ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores";
    }

    /// <summary>The .NET runtime.</summary>
    public static string Runtime() => RuntimeInformation.FrameworkDescription;

    /// <summary>The 1-minute load average (runnable threads), a measure of how busy the machine was.</summary>
    public static double? LoadAverage()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return null;
        }
        var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return double.TryParse(first, CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    /// <summary>The short commit hash of the repository at <paramref name="root"/>, with "+changes" if the tree is dirty; null without git.</summary>
    public static string? GitCommit(string root)
    {
        var head = Run("git", "-C", root, "rev-parse", "--short", "HEAD");
        if (head is null)
        {
            return null;
        }
        var status = Run("git", "-C", root, "status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrEmpty(status) ? head : head + "+changes";
    }

    private static string? Run(string program, params string[] arguments)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = System.Diagnostics.Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The installed version of a Debian package, or null.</summary>
    public static string? DebianPackage(string name)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dpkg-query", ["-W", "-f=${Version}", name])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = System.Diagnostics.Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>CPU seconds spent by all processes (busy, not idle or iowait) since boot, from /proc/stat; null elsewhere.</summary>
    public static double? BusySeconds()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal ...; ticks of 1/100 s.
        var busy = 0L;
        for (var i = 1; i < Math.Min(fields.Length, 9); i++)
        {
            if (i != 4 && i != 5)
            {
                busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
            }
        }
        return busy / 100.0;
    }

    /// <summary>
    /// Waits up to <paramref name="maximum"/> for a second in which other processes use under a
    /// tenth of a core; returns the foreign CPU seconds per second of the last window.
    /// </summary>
    public static double? WaitForQuiet(TimeSpan maximum)
    {
        var deadline = DateTime.UtcNow + maximum;
        double? foreign = null;
        do
        {
            var busy = BusySeconds();
            var own = Environment.CpuUsage.TotalTime.TotalSeconds;
            Thread.Sleep(1000);
            if (busy is null)
            {
                return null;
            }
            foreign = BusySeconds() - busy - (Environment.CpuUsage.TotalTime.TotalSeconds - own);
            if (foreign < 0.1)
            {
                break;
            }
        }
        while (DateTime.UtcNow < deadline);
        return foreign;
    }
}
