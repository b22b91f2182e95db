// The benchmark driver (issue 11): each case is timed in Ppl and in its peer tool in the same run.
//   dotnet run -c Release --project bench/Ppl.Bench -- [case or prefix ...] [--shared DIR]
//       [--repeats N] [--seconds S] [--wait-quiet SECONDS] [--no-peer] [--no-doc] [--list]
//       [--sweep [--sweep-values V1,V2,...]]   (selectors then name sweep families: gemm-f32, gmm-em, ...)
// Prints one JSON line per case, appends them to bench/results/<date>.jsonl and puts a markdown
// table into docs/benchmarks.md. See docs/benchmarks.md.
using System.Globalization;
using Ppl.Bench;
using Ppl.Bench.Cases;
using Ppl.Bench.Peers;
using Ppl.Bench.Reporting;
using Ppl.Bench.Sweeps;

var root = RepositoryRoot();
var vaeEpochPeer = new VaeEpochPeer();
IBenchmarkCase[] allCases =
[
    .. GemmCase.All(), .. VaeStepCase.All(), new VaeEpochCase(vaeEpochPeer), new VaeBackendEpochCase(root, vaeEpochPeer), new SviVaeStepCase(root, new VaePeer()), new BbbEpochCase(),
    .. BlrCase.All(), .. VbGmmCase.All(), .. GmmEmCase.All(), new PpcaCase(),
    .. CompileCase.All(root), new ColdStartCase(root),
];
ISweepable[] allSweeps = [.. GemmSweep.All(), new BlrSweep(root), new GmmEmSweep(root)];

string? shared = null;
int repeats = 5;
double seconds = 1.0;
double waitQuiet = 0;
bool runPeer = true, writeDoc = true, list = false, sweep = false;
long[]? sweepValues = null;
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
        case "--sweep": sweep = true; break;
        case "--sweep-values":
            sweepValues = args[++i].Split(',').Select(v => (long)double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            break;
        default: selectors.Add(args[i]); break;
    }
}
if (list)
{
    foreach (var c in allCases)
    {
        Console.WriteLine(c.Name);
    }
    foreach (var s in allSweeps)
    {
        Console.WriteLine($"--sweep {s.Family}  ({s.Parameter} = {string.Join(", ", s.DefaultValues)})");
    }
    return 0;
}
shared ??= Path.GetFullPath(Path.Combine(root, "..", "shared"));
var points = new Dictionary<IBenchmarkCase, SweepPoint>();
IBenchmarkCase[] selected;
if (sweep)
{
    // A sweep family is chosen by its name or a prefix of it (gemm → gemm-f32 and gemm-f64).
    var families = allSweeps.Where(s => selectors.Count == 0 || selectors.Any(sel => s.Family.StartsWith(sel, StringComparison.Ordinal))).ToArray();
    var list2 = new List<IBenchmarkCase>();
    foreach (var family in families)
    {
        foreach (var value in sweepValues ?? [.. family.DefaultValues])
        {
            var point = family.At(value);
            points[point] = new SweepPoint(family.Family, family.Parameter, value);
            list2.Add(point);
        }
    }
    selected = [.. list2];
}
else
{
    selected = selectors.Count == 0
        ? allCases
        : allCases.Where(c => selectors.Any(s => c.Name == s || c.Name.StartsWith(s + "-", StringComparison.Ordinal) || c.Name.StartsWith(s, StringComparison.Ordinal))).ToArray();
}
if (selected.Length == 0)
{
    Console.Error.WriteLine($"no case matches {string.Join(' ', selectors)}; --list shows them");
    return 1;
}

var settings = new BenchmarkSettings(shared, repeats, seconds);
var started = DateTimeOffset.UtcNow;
var loadAtStart = MachineInfo.LoadAverage();
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
    var report = new CaseReport(benchmark.Name, benchmark.Flops, ppl, peer, MachineInfo.LoadAverage(), foreign)
    {
        Sweep = points.TryGetValue(benchmark, out var point) ? point : null,
    };
    reports.Add(report);
    var line = report.ToJsonLine();
    Console.WriteLine(line);
    File.AppendAllText(resultsFile, line + "\n");
}

if (writeDoc)
{
    string[] peerPackages = ["python3-numpy", "python3-torch", "python3-sklearn", "libopenblas0-openmp"];
    string[] header =
    [
        $"CPU: {MachineInfo.Cpu()}; {MachineInfo.Runtime()}; Ppl: commit {MachineInfo.GitCommit(root) ?? "unknown"} (Release build of this repository)",
        $"Peers: {PythonPeer.Interpreter} {MachineInfo.DebianPackage("python3") ?? "not installed"}, " +
            string.Join(", ", peerPackages.Select(p => $"{p} {MachineInfo.DebianPackage(p) ?? "not installed"}")) + "; " +
            string.Join(" ", PythonPeer.Environment.Select(kv => $"{kv.Key}={kv.Value}")),
        $"Machine load: 1-minute load average {Format(loadAtStart)} at the start and {Format(MachineInfo.LoadAverage())} at the end " +
            $"on {Environment.ProcessorCount} cores — above {Environment.ProcessorCount} other processes competed for the CPU and every time is inflated; " +
            "compare ratios (peer and Ppl run seconds apart), not absolute times",
        $"Repeats: at least {repeats} and about {seconds.ToString(CultureInfo.InvariantCulture)} s per measurement after warm-up; " +
            $"load = 1-minute load average after each case; foreign CPU s = CPU time other processes used while Ppl was timed; " +
            $"\"not run\" = the peer could not run (the reason and the install command are given; no number is invented); \"–\" in the peer column = the case has no peer; " +
            $"raw lines: `bench/results/{Path.GetFileName(resultsFile)}`",
    ];
    MarkdownReport.Insert(Path.Combine(root, "docs", "benchmarks.md"), MarkdownReport.Render(reports, started, header));
}
return 0;

static string Format(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "unknown";

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
