namespace Ppl.StdLib.Tests.Data;

/// <summary>
/// Independent line:column arithmetic on the test's own text (UTF-16 indices, which equal characters
/// for the text used here), to check the reader's byte-offset bookkeeping against.
/// </summary>
internal static class TextPositions
{
    /// <summary>1-based (line, column) of the <paramref name="occurrence"/>-th match of <paramref name="needle"/>.</summary>
    public static (int Line, int Column) Of(string text, string needle, int occurrence = 0)
    {
        var index = -1;
        for (var k = 0; k <= occurrence; k++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' (occurrence {occurrence}) is not in the test text");
        }

        var before = text[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
