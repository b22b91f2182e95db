using System.Collections.Immutable;
using Ppl.Language;

namespace Ppl.Compiler.Ir;

/// <summary>Where a named size gets its value.</summary>
/// <param name="Name">The size's name, e.g. <c>N</c>.</param>
/// <param name="FromData">The data variable whose shape binds it, or null.</param>
/// <param name="Axis">The axis of that data's shape (its full declared shape, event axes included).</param>
/// <param name="Value">The value when a <c>const</c> or literal fixes it, else null.</param>
/// <param name="Span">Where the size first appears.</param>
public sealed record SizeSymbol(string Name, string? FromData, int Axis, int? Value, SourceSpan Span);

/// <summary>The variational family of a <c>guide { }</c> block, in the same IR as the model.</summary>
/// <param name="Nodes">Its params, nets, lets and random nodes, in dependency order.</param>
/// <param name="Plates">Plates opened in the guide (the same index names as the model's).</param>
/// <param name="Span">The block.</param>
public sealed record GuideIr(ImmutableArray<IrNode> Nodes, ImmutableArray<Plate> Plates, SourceSpan Span);

/// <summary>
/// The vectorised model IR every backend shares: sizes, plates, and nodes in dependency order.
/// Produced by lowering a checked <c>.ppl</c> file or by the C# fluent API; the two give equal dumps.
/// </summary>
/// <param name="Source">The model's file name (or a name given from C#).</param>
/// <param name="Sizes">Named sizes and where each is bound.</param>
/// <param name="Plates">All model plates (written and implicit), outermost first within each nest.</param>
/// <param name="Nodes">Nodes in dependency order.</param>
/// <param name="Guide">The user's guide, or null for an automatic one.</param>
public sealed record ModelIr(
    string Source,
    ImmutableArray<SizeSymbol> Sizes,
    ImmutableArray<Plate> Plates,
    ImmutableArray<IrNode> Nodes,
    GuideIr? Guide)
{
    /// <summary>The node called <paramref name="name"/>, or null.</summary>
    /// <param name="name">A node name.</param>
    /// <returns>The node or null.</returns>
    public IrNode? Find(string name) => Nodes.FirstOrDefault(n => n.Name == name);

    /// <summary>The plate with index <paramref name="index"/>.</summary>
    /// <param name="index">A plate index name.</param>
    /// <returns>The plate.</returns>
    /// <exception cref="KeyNotFoundException">No such plate: an internal error.</exception>
    public Plate Plate(string index) =>
        Plates.FirstOrDefault(p => p.Index == index)
        ?? Guide?.Plates.FirstOrDefault(p => p.Index == index)
        ?? throw new KeyNotFoundException($"internal error: no plate '{index}'");
}
