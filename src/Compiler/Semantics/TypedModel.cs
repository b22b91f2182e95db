using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Language;

namespace Ppl.Compiler.Semantics;

/// <summary>A checked statement: the checker's output, the lowering's input.</summary>
/// <param name="Span">The statement.</param>
internal abstract record TypedStatement(SourceSpan Span);

/// <summary>A statement that is already one IR node: data, const, param, let, net.</summary>
/// <param name="Node">The node.</param>
internal sealed record TypedNode(IrNode Node) : TypedStatement(Node.Span);

/// <summary>A checked <c>~</c> statement.</summary>
/// <param name="Name">The variable.</param>
/// <param name="Type">Its element type inside its plates (for an implicit plate: the whole array's type).</param>
/// <param name="Distribution">The checked distribution.</param>
/// <param name="IsObserved">True when the variable is data.</param>
/// <param name="ImplicitPlate">True for a whole-array <c>~</c> that becomes a plate over the leading axis.</param>
/// <param name="Span">The statement.</param>
internal sealed record TypedSample(string Name, IrType Type, CheckedDistribution Distribution, bool IsObserved, bool ImplicitPlate, SourceSpan Span)
    : TypedStatement(Span);

/// <summary>A checked plate block.</summary>
/// <param name="Plate">The plate.</param>
/// <param name="Body">Its statements.</param>
/// <param name="Span">The block.</param>
internal sealed record TypedPlate(Plate Plate, ImmutableArray<TypedStatement> Body, SourceSpan Span) : TypedStatement(Span);

/// <summary>A checked guide block.</summary>
/// <param name="Body">Its statements.</param>
/// <param name="Span">The block.</param>
internal sealed record TypedGuide(ImmutableArray<TypedStatement> Body, SourceSpan Span) : TypedStatement(Span);

/// <summary>The checker's output: every statement typed and shaped.</summary>
/// <param name="Source">The model's file name.</param>
/// <param name="Sizes">The named sizes.</param>
/// <param name="Statements">Model statements, in order.</param>
/// <param name="Guide">The guide, or null.</param>
internal sealed record TypedModel(string Source, ImmutableArray<SizeSymbol> Sizes, ImmutableArray<TypedStatement> Statements, TypedGuide? Guide);
