using System.Globalization;
using System.Text;
using System.Text.Json;
using Ppl.Inference.Sampling;

namespace Ppl.Cli.Output;

/// <summary>
/// <c>ppl sample</c>'s output (docs/cli.md): CSV with one column per scalar (array elements as
/// <c>name.i</c> or <c>name.i.j</c>, 0-based, row-major) and one row per draw; or JSON
/// <c>{ "draws": { "name": [draw, ...] } }</c> where each draw keeps the variable's shape.
/// Replicated draws of an observed node (posterior predictive) are marked: CSV columns
/// <c>y[rep]</c>, <c>y[rep].i</c>; in JSON the node keeps its name under <c>draws</c> and is listed
/// in <c>"replicated": ["y"]</c>.
/// </summary>
internal static class DrawsWriter
{
    /// <summary>The CSV text.</summary>
    /// <param name="draws">The draws.</param>
    /// <returns>Header and one line per draw.</returns>
    public static string Csv(DrawSet draws)
    {
        var text = new StringBuilder();
        var columns = draws.Variables.SelectMany(v => Indices(v.Shape).Select(index => index.Length == 0 ? Column(v) : Column(v) + "." + string.Join('.', index)));
        text.AppendLine(string.Join(',', columns));
        for (var d = 0; d < draws.Count; d++)
        {
            text.AppendLine(string.Join(',', draws.Variables.SelectMany(v => v.Draws[d]).Select(Number)));
        }
        return text.ToString();
    }

    /// <summary>The JSON text.</summary>
    /// <param name="draws">The draws.</param>
    /// <returns>One object.</returns>
    public static string Json(DrawSet draws)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("draws");
            foreach (var variable in draws.Variables)
            {
                json.WriteStartArray(variable.Name);
                foreach (var draw in variable.Draws)
                {
                    var position = 0;
                    Nested(json, variable.Shape, 0, draw, ref position);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            if (draws.Variables.Any(v => v.IsReplicated))
            {
                json.WriteStartArray("replicated");
                foreach (var variable in draws.Variables.Where(v => v.IsReplicated))
                {
                    json.WriteStringValue(variable.Name);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Nested(Utf8JsonWriter json, IReadOnlyList<int> shape, int axis, double[] values, ref int position)
    {
        if (axis == shape.Count)
        {
            var value = values[position++];
            if (double.IsFinite(value))
            {
                json.WriteNumberValue(value);
            }
            else
            {
                json.WriteNullValue();
            }
            return;
        }
        json.WriteStartArray();
        for (var i = 0; i < shape[axis]; i++)
        {
            Nested(json, shape, axis + 1, values, ref position);
        }
        json.WriteEndArray();
    }

    /// <summary>Every index of <paramref name="shape"/> in row-major order (one empty index for a scalar).</summary>
    internal static IEnumerable<int[]> Indices(IReadOnlyList<int> shape)
    {
        var total = shape.Aggregate(1, (a, b) => a * b);
        for (var flat = 0; flat < total; flat++)
        {
            var index = new int[shape.Count];
            var rest = flat;
            for (var axis = shape.Count - 1; axis >= 0; axis--)
            {
                index[axis] = rest % shape[axis];
                rest /= shape[axis];
            }
            yield return index;
        }
    }

    /// <summary>The column name of a variable: its name, with the <c>[rep]</c> marker for replicated draws.</summary>
    private static string Column(DrawnVariable variable) => variable.IsReplicated ? variable.Name + ReplicatedMarker : variable.Name;

    /// <summary>The CSV marker of replicated draws; an identifier never contains brackets, so it cannot clash with a name.</summary>
    internal const string ReplicatedMarker = "[rep]";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
