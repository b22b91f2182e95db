using System.Globalization;
using System.Text.Json;

namespace Ppl.StdLib.Data;

/// <summary>The words of the JSON reader's messages: what a token is, how an element is named.</summary>
internal static class JsonMessages
{
    public static string? NonFiniteWord(string text) => text.Trim().TrimStart('-', '+').ToUpperInvariant() switch
    {
        "NAN" => "NaN",
        "INFINITY" or "INF" => "infinity",
        _ => null,
    };

    public static string MissingHint(string word) =>
        word == "NaN" ? "remove the row, or impute the value before binding" : "data must be finite; rescale or remove the value";

    public static string DisplayName(string name) => name.Length == 0 ? "data" : name;

    public static string Elements(int count) =>
        count == 1 ? "1 element" : count.ToString(CultureInfo.InvariantCulture) + " elements";

    public static string Article(DataElementKind kind) => kind == DataElementKind.Boolean ? "a boolean" : "a number";

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    public static string Quote(string text) => text.Length <= 20 ? $"\"{text}\"" : $"\"{text[..20]}...\"";
}
