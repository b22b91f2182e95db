namespace Ppl.Language.Syntax;

/// <summary>The root of every AST node: each node knows where it came from.</summary>
/// <param name="Span">The source text the node was parsed from.</param>
public abstract record SyntaxNode(SourceSpan Span);

/// <summary>A name as written in the source, with its own span (for "unknown name" diagnostics).</summary>
/// <param name="Text">The name.</param>
/// <param name="Span">Where the name is written.</param>
public sealed record Identifier(string Text, SourceSpan Span) : SyntaxNode(Span)
{
    /// <summary>The name itself.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}

/// <summary>A whole <c>.ppl</c> file: its statements in source order.</summary>
/// <param name="Path">The file's path as the user gave it.</param>
/// <param name="Statements">Top-level statements.</param>
/// <param name="Span">The whole file.</param>
public sealed record ModelFile(string Path, IReadOnlyList<Statement> Statements, SourceSpan Span) : SyntaxNode(Span);
