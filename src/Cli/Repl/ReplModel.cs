using Ppl.Compiler;
using Ppl.Language.Diagnostics;

namespace Ppl.Cli.Repl;

/// <summary>
/// The model a REPL session has built: its accepted statements in order. A statement is accepted
/// only when the model with it still compiles, so the model is always valid between statements.
/// </summary>
internal sealed class ReplModel
{
    /// <summary>The file name diagnostics mention.</summary>
    public const string FileName = "repl.ppl";

    private readonly List<string> _statements = [];

    /// <summary>The model's text.</summary>
    public string Source => _statements.Count == 0 ? "" : string.Join('\n', _statements) + "\n";

    /// <summary>True when no statement has been accepted.</summary>
    public bool IsEmpty => _statements.Count == 0;

    /// <summary>The model file last loaded with <c>:load</c> (its default data files apply), or null.</summary>
    public string? LoadedFrom { get; private set; }

    /// <summary>Adds <paramref name="statement"/> if the model still compiles; otherwise returns the diagnostics and the text they refer to.</summary>
    /// <param name="statement">One statement (possibly several lines, e.g. a plate block).</param>
    /// <returns>Empty when accepted; else the errors (the model is unchanged) and the source they point into.</returns>
    public (IReadOnlyList<Diagnostic> Errors, string Source) TryAdd(string statement)
    {
        var candidate = Source + statement + "\n";
        var compiled = Compilation.Compile(candidate, FileName);
        if (compiled.HasErrors)
        {
            return (compiled.Diagnostics, candidate);
        }
        _statements.Add(statement);
        return ([], candidate);
    }

    /// <summary>Replaces the model by the file at <paramref name="path"/> when it compiles.</summary>
    /// <param name="path">A <c>.ppl</c> file.</param>
    /// <returns>Empty when loaded; else the errors and the file's text.</returns>
    public (IReadOnlyList<Diagnostic> Errors, string Source) TryLoad(string path)
    {
        var compiled = Compilation.CompileFile(path);
        if (compiled.HasErrors)
        {
            return (compiled.Diagnostics, compiled.Source);
        }
        _statements.Clear();
        _statements.Add(compiled.Source.TrimEnd());
        LoadedFrom = path;
        return ([], compiled.Source);
    }

    /// <summary>Forgets every statement.</summary>
    public void Clear()
    {
        _statements.Clear();
        LoadedFrom = null;
    }

    /// <summary>True when <paramref name="text"/> leaves a brace or parenthesis open, so the statement continues on the next line.</summary>
    /// <param name="text">The statement so far.</param>
    /// <returns>Whether more lines are needed.</returns>
    public static bool IsIncomplete(string text)
    {
        var depth = 0;
        foreach (var line in text.Split('\n'))
        {
            var code = line.Split("//")[0].Split('#')[0];
            foreach (var c in code)
            {
                depth += c switch { '{' or '(' or '[' => 1, '}' or ')' or ']' => -1, _ => 0 };
            }
        }
        return depth > 0;
    }
}
