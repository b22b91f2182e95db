using RadLine;
using Spectre.Console;

namespace Ppl.Cli.Repl;

/// <summary>Where the REPL's lines come from: a line editor on a terminal, plain lines otherwise.</summary>
internal interface ILineSource
{
    /// <summary>Reads one line after showing <paramref name="prompt"/>; null at end of input.</summary>
    /// <param name="prompt">The prompt (<c>ppl&gt; </c>, or <c>...&gt; </c> inside braces).</param>
    /// <returns>The line, or null.</returns>
    string? ReadLine(string prompt);
}

/// <summary>Plain lines from a reader (stdin redirected, tests); prompts are not echoed.</summary>
/// <param name="reader">The input.</param>
internal sealed class PlainLineSource(TextReader reader) : ILineSource
{
    /// <inheritdoc />
    public string? ReadLine(string prompt) => reader.ReadLine();
}

/// <summary>RadLine's line editor: cursor movement, editing keys, and history (up/down) for the session.</summary>
internal sealed class EditorLineSource : ILineSource
{
    private readonly LineEditor _editor = new() { Prompt = new LineEditorPrompt("ppl> ") };
    private readonly LineEditor _continuation = new() { Prompt = new LineEditorPrompt("...> ") };

    /// <summary>True when the console is a terminal RadLine can drive.</summary>
    public static bool IsSupported => !Console.IsInputRedirected && LineEditor.IsSupported(AnsiConsole.Console);

    /// <inheritdoc />
    public string? ReadLine(string prompt)
    {
        var editor = prompt.StartsWith("...", StringComparison.Ordinal) ? _continuation : _editor;
        return editor.ReadLine(CancellationToken.None).GetAwaiter().GetResult();
    }
}
