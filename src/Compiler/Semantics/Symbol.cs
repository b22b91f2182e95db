using Ppl.Language;

namespace Ppl.Compiler.Semantics;

/// <summary>What a declared name stands for.</summary>
internal enum SymbolRole
{
    Data,
    Const,
    Param,
    Random,
    Let,
    Net,
    PlateIndex,
    Size,
}

/// <summary>A declared name: what it is, where it was declared, and whether the guide declared it.</summary>
/// <param name="Name">The name.</param>
/// <param name="Role">What it stands for.</param>
/// <param name="Span">The declaring identifier.</param>
/// <param name="InGuide">True for the guide's own declarations.</param>
internal sealed record Symbol(string Name, SymbolRole Role, SourceSpan Span, bool InGuide = false)
{
    /// <summary>The role in the user's words, for messages ("data", "latent", ...).</summary>
    public string Describe() => Role switch
    {
        SymbolRole.Data => "data",
        SymbolRole.Const => "a const",
        SymbolRole.Param => "a param",
        SymbolRole.Random => "a random variable",
        SymbolRole.Let => "a let",
        SymbolRole.Net => "a net",
        SymbolRole.PlateIndex => "a plate index",
        _ => "a size",
    };
}

/// <summary>
/// A scope of names: the model's top level, a plate (its index only: statements inside a plate
/// declare model-level names), or the guide.
/// </summary>
internal sealed class Scope
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);

    /// <summary>Creates a scope.</summary>
    public Scope(Scope? parent, bool isPlate) => (Parent, IsPlate) = (parent, isPlate);

    /// <summary>The enclosing scope.</summary>
    public Scope? Parent { get; }

    /// <summary>True for a plate scope, which holds only its index.</summary>
    public bool IsPlate { get; }

    /// <summary>The scope that holds declarations made here: the nearest non-plate scope.</summary>
    public Scope DeclarationScope => IsPlate ? Parent!.DeclarationScope : this;

    /// <summary>Finds a name here or in an enclosing scope.</summary>
    public Symbol? Lookup(string name) =>
        _symbols.TryGetValue(name, out var s) ? s : Parent?.Lookup(name);

    /// <summary>Adds a symbol to this scope (the caller has checked for duplicates).</summary>
    public void Add(Symbol symbol) => _symbols[symbol.Name] = symbol;

    /// <summary>Every name visible from here.</summary>
    public IEnumerable<string> VisibleNames() =>
        _symbols.Keys.Concat(Parent?.VisibleNames() ?? []).Distinct(StringComparer.Ordinal);
}
