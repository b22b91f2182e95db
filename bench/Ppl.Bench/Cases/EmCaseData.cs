using System.Globalization;
using System.IO.Compression;
using Ppl.Compiler;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Planning;
using Ppl.Inference;
using Ppl.Inference.Em;
using Ppl.Inference.Results;
using Ppl.StdLib.Data;

namespace Ppl.Bench.Cases;

/// <summary>Shared plumbing of the EM cases: the peers' CSV data and a model run through the real pipeline.</summary>
internal static class EmCaseData
{
    /// <summary>The first <paramref name="columns"/> columns of the first <paramref name="rows"/> rows of a gzipped CSV with a header.</summary>
    public static double[] ReadCsv(string path, int rows, int columns)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var values = new double[rows * columns];
        for (var row = 0; row < rows; row++)
        {
            var cells = reader.ReadLine()!.Split(',');
            for (var j = 0; j < columns; j++)
            {
                values[row * columns + j] = double.Parse(cells[j], CultureInfo.InvariantCulture);
            }
        }
        return values;
    }

    /// <summary>Compiles, plans and binds <paramref name="source"/> with data <c>x</c>; returns a request runner.</summary>
    public static Func<InferenceResult> Prepare(string source, string file, double[] x, int n, int d, InferenceOptions options)
    {
        var compiled = Compilation.Compile(source, file);
        var plan = Planner.Plan(compiled.Ir!, null, source);
        var bound = DataBinder.Bind(compiled.Ir!, new DataSet([DataArray.FromValues("x", [n, d], DataElementKind.Real, x)]));
        if (bound.Data is null || plan.Chosen != Backend.Em)
        {
            throw new InvalidOperationException($"{file}: {string.Join("; ", bound.Diagnostics.Select(x => x.Message).Concat(plan.Diagnostics.Select(x => x.Message)))}");
        }
        var request = new InferenceRequest(compiled.Ir!, plan, bound.Data, options, file);
        var backend = new EmBackend();
        return () => backend.Run(request);
    }

    /// <summary>The value of the peer's line with <c>metric</c> = <paramref name="metric"/>, or null.</summary>
    public static double? Metric(IReadOnlyList<System.Text.Json.JsonElement> lines, string metric) =>
        lines.FirstOrDefault(l => l.GetProperty("metric").GetString() == metric) is { ValueKind: System.Text.Json.JsonValueKind.Object } line
            && line.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Number
            ? line.GetProperty("value").GetDouble()
            : null;
}
