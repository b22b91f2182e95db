using System.Globalization;
using System.Text.Json;

namespace Ppl.Cli.Tests.Examples;

/// <summary>
/// Resolves a quantity such as <c>posteriors.w.mean[1]</c>, <c>params.Sigma[0,1,1]</c> or
/// <c>diagnostics.bic</c> in the JSON of <c>ppl infer --json</c> (docs/cli.md): dot-separated property
/// names, then optional indices into the (nested) array.
/// </summary>
internal static class JsonQuantity
{
    public static double Resolve(JsonElement root, string quantity)
    {
        var bracket = quantity.IndexOf('[', StringComparison.Ordinal);
        var names = (bracket < 0 ? quantity : quantity[..bracket]).Split('.');
        var element = root;
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                throw new KeyNotFoundException($"'{quantity}': no '{name}' in the result");
            }
        }

        if (bracket >= 0)
        {
            foreach (var index in quantity[(bracket + 1)..].TrimEnd(']').Split(','))
            {
                element = element[int.Parse(index.Trim(), CultureInfo.InvariantCulture)];
            }
        }
        return element.ValueKind == JsonValueKind.Number
            ? element.GetDouble()
            : throw new InvalidDataException($"'{quantity}' is {element.ValueKind}, not a number");
    }
}
