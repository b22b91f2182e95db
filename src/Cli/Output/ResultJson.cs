using System.Text.Json;
using Ppl.Inference.Results;

namespace Ppl.Cli.Output;

/// <summary>
/// Writes an <see cref="InferenceResult"/> as DESIGN.md's JSON contract (documented in docs/cli.md):
/// model, method, converged, iterations, logEvidence, elbo, posteriors, params, trace; then the
/// additive keys notes, diagnostics and seconds. Arrays keep their shape; a non-finite number is null.
/// </summary>
internal static class ResultJson
{
    /// <summary>The result as indented JSON text.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(InferenceResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, result);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, InferenceResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("model", result.Model);
        writer.WriteString("method", result.Method);
        writer.WriteBoolean("converged", result.Converged);
        writer.WriteNumber("iterations", result.Iterations);
        writer.WritePropertyName("logEvidence");
        WriteNumber(writer, result.LogEvidence);
        writer.WritePropertyName("elbo");
        WriteNumber(writer, result.Elbo);

        writer.WriteStartObject("posteriors");
        foreach (var posterior in result.Posteriors)
        {
            writer.WriteStartObject(posterior.Name);
            writer.WriteString("family", posterior.Family);
            writer.WriteStartObject("parameters");
            foreach (var (name, value) in posterior.Parameters)
            {
                writer.WritePropertyName(name);
                WriteArray(writer, value);
            }
            writer.WriteEndObject();
            WriteArray(writer, "mean", posterior.Mean);
            WriteArray(writer, "sd", posterior.Sd);
            WriteArray(writer, "q05", posterior.Q05);
            WriteArray(writer, "q50", posterior.Q50);
            WriteArray(writer, "q95", posterior.Q95);
            if (posterior.Summary is { } summary)
            {
                writer.WriteString("summary", summary);
            }
            if (posterior.IsPrediction)
            {
                writer.WriteBoolean("prediction", true);
            }
            if (posterior.AleatoricSd is { } aleatoric)
            {
                WriteArray(writer, "aleatoricSd", aleatoric);
            }
            if (posterior.EpistemicSd is { } epistemic)
            {
                WriteArray(writer, "epistemicSd", epistemic);
            }
            if (posterior.PredictiveEntropy is { } total && posterior.ExpectedEntropy is { } expected && posterior.MutualInformation is { } information)
            {
                WriteArray(writer, "predictiveEntropy", total);
                WriteArray(writer, "expectedEntropy", expected);
                WriteArray(writer, "mutualInformation", information);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();

        writer.WriteStartObject("params");
        foreach (var estimate in result.Params)
        {
            WriteArray(writer, estimate.Name, estimate.Value);
        }
        writer.WriteEndObject();

        writer.WriteStartArray("trace");
        foreach (var value in result.Trace)
        {
            WriteNumber(writer, value);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            writer.WriteStringValue(note);
        }
        writer.WriteEndArray();

        writer.WriteStartObject("diagnostics");
        foreach (var (name, value) in result.Diagnostics)
        {
            writer.WritePropertyName(name);
            WriteNumber(writer, value);
        }
        writer.WriteEndObject();
        if (result.SignalToNoise.Count > 0)
        {
            writer.WriteStartObject("snr");
            foreach (var (name, value) in result.SignalToNoise)
            {
                WriteArray(writer, name, value);
            }
            writer.WriteEndObject();
        }
        if (result.HeldOutElbo is { } heldOut)
        {
            writer.WritePropertyName("heldoutElbo");
            WriteNumber(writer, heldOut);
        }
        if (result.Iwae is { } iwae)
        {
            writer.WriteStartObject("iwae");
            writer.WriteNumber("k", iwae.K);
            writer.WritePropertyName("value");
            WriteNumber(writer, iwae.Value);
            writer.WritePropertyName("se");
            WriteNumber(writer, iwae.StandardError);
            writer.WriteNumber("repeats", iwae.Repeats);
            writer.WriteString("bound", iwae.DataPoints is null ? "joint" : "perDataPoint");
            if (iwae.DataPoints is int points)
            {
                writer.WriteNumber("dataPoints", points);
                writer.WritePropertyName("perDataPoint");
                WriteNumber(writer, iwae.PerDataPoint);
                writer.WritePropertyName("perDataPointSe");
                WriteNumber(writer, iwae.PerDataPointStandardError);
            }
            writer.WriteEndObject();
        }
        writer.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 6));
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, NdArray array)
    {
        writer.WritePropertyName(name);
        WriteArray(writer, array);
    }

    /// <summary>Nested JSON arrays following the shape; a scalar is a bare number.</summary>
    private static void WriteArray(Utf8JsonWriter writer, NdArray array)
    {
        var offset = 0;
        WriteAxis(writer, array, 0, ref offset);
    }

    private static void WriteAxis(Utf8JsonWriter writer, NdArray array, int axis, ref int offset)
    {
        if (axis == array.Rank)
        {
            WriteNumber(writer, array.Values[offset++]);
            return;
        }
        writer.WriteStartArray();
        for (var i = 0; i < array.Shape[axis]; i++)
        {
            WriteAxis(writer, array, axis + 1, ref offset);
        }
        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
