// The benchmark driver. Cases are added as the engines land; see docs/benchmarks.md.
Console.WriteLine("no benchmark cases yet");
