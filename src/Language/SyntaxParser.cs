using System.Runtime.ExceptionServices;
using Antlr4.Runtime;
using Ppl.Language.Diagnostics;
using Ppl.Language.Generated;
using Ppl.Language.Parsing;
using Ppl.Language.Syntax;

namespace Ppl.Language;

/// <summary>
/// The front end: source text to AST and syntax diagnostics. Never throws for bad input; every user
/// mistake is a diagnostic.
/// </summary>
public static class SyntaxParser
{
    /// <summary>Stack reserved for the parsing thread (reserved address space, committed only as used).</summary>
    private const int ParserStackBytes = 256 * 1024 * 1024;

    /// <summary>Parses <paramref name="source"/>, reporting every syntax error in it.</summary>
    /// <param name="source">The text of a <c>.ppl</c> model.</param>
    /// <param name="file">The file name used in spans and messages.</param>
    /// <returns>The AST and diagnostics.</returns>
    public static ParseResult Parse(string source, string file)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        if (source.StartsWith('\uFEFF'))
        {
            source = source[1..];
        }

        // Parsing and building the AST recurse once per level of nesting; a thread with a large stack
        // keeps long expression chains from overflowing the caller's stack (which cannot be caught).
        ParseResult? result = null;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = ParseOnThisThread(source, file);
                }
#pragma warning disable CA1031 // Rethrown on the calling thread below.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            ParserStackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }

    private static ParseResult ParseOnThisThread(string source, string file)
    {
        var diagnostics = new DiagnosticBag();
        var tokens = TokenPreparer.Prepare(source, file, diagnostics);
        var stream = new CommonTokenStream(new ListTokenSource(tokens));
        stream.Fill();
        var indexed = stream.GetTokens().ToList();
        var messages = new SyntaxErrorMessages(file, indexed);
        var strategy = new SyntaxErrorStrategy(indexed, messages, diagnostics);
        var parser = new PplParser(stream) { ErrorHandler = strategy };
        parser.RemoveErrorListeners();
        var tree = parser.modelFile();
        diagnostics.AddRange(messages.UnclosedBraces(strategy.ExtraBracesReported));
        var model = new AstBuilder(file, diagnostics, indexed, strategy.ErrorTokens).Build(tree);
        return new ParseResult(source, model, diagnostics.Sorted());
    }

    /// <summary>Reads and parses a file; a missing or unreadable file is a diagnostic (PPL0001).</summary>
    /// <param name="path">Path of the <c>.ppl</c> file.</param>
    /// <returns>The AST and diagnostics.</returns>
    public static ParseResult ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ when Directory.Exists(path) => "it is a directory",
                _ => e.Message,
            };
            var diagnostic = Diagnostic.Error(DiagnosticCodes.CannotReadFile, $"cannot read '{path}': {reason}",
                SourceSpan.WholeFile(path));
            return new ParseResult(string.Empty, new ModelFile(path, [], SourceSpan.WholeFile(path)), [diagnostic]);
        }

        return Parse(source, path);
    }
}
