using Ppl.Examples.Fluent;

// Usage: dotnet run --project examples/csharp/Ppl.Examples.Fluent [EXAMPLES_DIR]
// EXAMPLES_DIR defaults to the examples/ folder above the current directory.
var examples = args.Length > 0 ? args[0] : FluentExamples.FindExamplesDirectory(Environment.CurrentDirectory);
FluentExamples.RunAll(examples, Console.Out);
return 0;
