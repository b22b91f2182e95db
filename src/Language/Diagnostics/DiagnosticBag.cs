using System.Collections;

namespace Ppl.Language.Diagnostics;

/// <summary>
/// An ordered collection of diagnostics that a front-end stage appends to. Reading it yields the
/// diagnostics sorted by position, so that the user sees them in file order.
/// </summary>
public sealed class DiagnosticBag : IReadOnlyList<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Number of diagnostics collected.</summary>
    public int Count => _items.Count;

    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => _items.Exists(d => d.IsError);

    /// <summary>The diagnostic at <paramref name="index"/> in insertion order.</summary>
    /// <param name="index">0-based index.</param>
    public Diagnostic this[int index] => _items[index];

    /// <summary>Appends a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Appends an error.</summary>
    /// <param name="code">The diagnostic code.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="span">Where it is wrong.</param>
    /// <param name="hint">Optional fix.</param>
    public void Error(string code, string message, SourceSpan span, string? hint = null) =>
        _items.Add(Diagnostic.Error(code, message, span, hint));

    /// <summary>Appends all diagnostics of <paramref name="other"/>.</summary>
    /// <param name="other">Diagnostics from another stage.</param>
    public void AddRange(IEnumerable<Diagnostic> other) => _items.AddRange(other);

    /// <summary>The diagnostics in file order (line, then column), stable for equal positions.</summary>
    /// <returns>A sorted copy.</returns>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)];

    /// <inheritdoc />
    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
