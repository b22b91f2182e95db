// The benchmark driver (issue 11): each case is timed in Ppl and in its peer tool in the same run.
//   dotnet run -c Release --project bench/Ppl.Bench -- [case or prefix ...] [--shared DIR]
//       [--repeats N] [--seconds S] [--wait-quiet SECONDS] [--no-peer] [--no-doc] [--list]
// Prints one JSON line per case, appends them to bench/results/<date>.jsonl and puts a markdown
// table into docs/benchmarks.md. See docs/benchmarks.md.
using System.Globalization;
using Ppl.Bench;
using Ppl.Bench.Cases;
using Ppl.Bench.Peers;
using Ppl.Bench.Reporting;

IBenchmarkCase[] allCases = [.. GemmCase.All(), .. VaeStepCase.All(), new VaeEpochCase(), .. BlrCase.All(), .. VbGmmCase.All(), .. GmmEmCase.All(), new PpcaCase()];

var root = RepositoryRoot();
string? shared = null;
int repeats = 5;
double seconds = 1.0;
double waitQuiet = 0;
bool runPeer = true, writeDoc = true, list = false;
var selectors = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--shared": shared = args[++i]; break;
        case "--repeats": repeats = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--wait-quiet": waitQuiet = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--no-peer": runPeer = false; break;
        case "--no-doc": writeDoc = false; break;
        case "--list": list = true; break;
        default: selectors.Add(args[i]); break;
    }
}
if (list)
{
    foreach (var c in allCases)
    {
        Console.WriteLine(c.Name);
    }
    return 0;
}
shared ??= Path.GetFullPath(Path.Combine(root, "..", "shared"));
var selected = selectors.Count == 0
    ? allCases
    : allCases.Where(c => selectors.Any(s => c.Name == s || c.Name.StartsWith(s + "-", StringComparison.Ordinal) || c.Name.StartsWith(s, StringComparison.Ordinal))).ToArray();
if (selected.Length == 0)
{
    Console.Error.WriteLine($"no case matches {string.Join(' ', selectors)}; --list shows them");
    return 1;
}

var settings = new BenchmarkSettings(shared, repeats, seconds);
var started = DateTimeOffset.UtcNow;
var resultsFolder = Path.Combine(root, "bench", "results");
Directory.CreateDirectory(resultsFolder);
var resultsFile = Path.Combine(resultsFolder, $"{started:yyyyMMdd-HHmmss}.jsonl");
var reports = new List<CaseReport>();
foreach (var benchmark in selected)
{
    // The peer first, then Ppl: both see the same machine within seconds of each other.
    if (waitQuiet > 0)
    {
        MachineInfo.WaitForQuiet(TimeSpan.FromSeconds(waitQuiet));
    }
    var peer = runPeer ? benchmark.RunPeer(settings) : PeerResult.NotRun("-", "--no-peer");
    var busy = MachineInfo.BusySeconds();
    var own = Environment.CpuUsage.TotalTime.TotalSeconds;
    var ppl = benchmark.RunPpl(settings);
    var foreign = MachineInfo.BusySeconds() - busy - (Environment.CpuUsage.TotalTime.TotalSeconds - own);
    var report = new CaseReport(benchmark.Name, benchmark.Flops, ppl, peer, MachineInfo.LoadAverage(), foreign);
    reports.Add(report);
    var line = report.ToJsonLine();
    Console.WriteLine(line);
    File.AppendAllText(resultsFile, line + "\n");
}

if (writeDoc)
{
    string[] header =
    [
        $"CPU: {MachineInfo.Cpu()}; {MachineInfo.Runtime()}; Ppl: `Gemm.Multiply` (AVX-512 packed kernel, 2 threads)",
        $"Peer: {PythonPeer.Interpreter}, python3-numpy {MachineInfo.DebianPackage("python3-numpy") ?? "not installed"}, " +
            $"libopenblas0-openmp {MachineInfo.DebianPackage("libopenblas0-openmp") ?? "not installed"}, " +
            string.Join(" ", PythonPeer.Environment.Select(kv => $"{kv.Key}={kv.Value}")),
        $"Repeats: at least {repeats} and about {seconds.ToString(CultureInfo.InvariantCulture)} s per measurement after warm-up; " +
            $"load = 1-minute load average after each case (2 cores); foreign CPU s = CPU time other processes used while Ppl was timed; " +
            $"raw lines: `bench/results/{Path.GetFileName(resultsFile)}`",
    ];
    MarkdownReport.Insert(Path.Combine(root, "docs", "benchmarks.md"), MarkdownReport.Render(reports, started, header));
}
return 0;

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ppl.sln")))
            {
                return directory.FullName;
            }
        }
    }
    return Directory.GetCurrentDirectory();
}
