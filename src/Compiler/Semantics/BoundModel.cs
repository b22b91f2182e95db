using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Language;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// The binder's output: the AST with every name use resolved to its declaration, and the model's
/// named sizes with where each is bound.
/// </summary>
/// <param name="Syntax">The AST.</param>
/// <param name="References">The symbol each name use (a <see cref="NameRef"/>, a net's callee, a <c>~</c>
/// target) resolves to, keyed by the use's span.</param>
/// <param name="Sizes">Named sizes in order of first appearance.</param>
/// <param name="ConstNumbers">The values of consts that are numbers known before data is bound.</param>
internal sealed record BoundModel(
    ModelFile Syntax,
    IReadOnlyDictionary<SourceSpan, Symbol> References,
    ImmutableArray<SizeSymbol> Sizes,
    IReadOnlyDictionary<string, double> ConstNumbers)
{
    /// <summary>The symbol a use resolves to, or null when binding reported it.</summary>
    public Symbol? Resolve(SourceSpan use) => References.GetValueOrDefault(use);

    /// <summary>The named size called <paramref name="name"/>, or null.</summary>
    public SizeSymbol? Size(string name) => Sizes.FirstOrDefault(s => s.Name == name);
}
