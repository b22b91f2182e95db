using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Semantics;

namespace Ppl.Compiler.Lowering;

/// <summary>
/// Lowering: the checked model becomes the vectorised Model IR. Plate blocks disappear into each
/// node's plate set; a whole-array <c>~</c> outside any plate becomes a node in an implicit plate
/// <c>_NAME0</c> over the array's leading axis, with the leading axis of every argument that carries
/// it selected along that plate (in the canonical form of <see cref="PlateSelection"/>, so that it
/// equals the explicit plate's IR up to the plate's name); a distribution's type becomes the node's
/// (scalar parameters broadcast i.i.d. over a declared array).
/// </summary>
internal static class Lowerer
{
    /// <summary>Lowers a model the checker accepted (no errors).</summary>
    public static ModelIr Lower(TypedModel model)
    {
        var plates = new List<Plate>();
        var nodes = new List<IrNode>();
        LowerBlock(model.Statements, [], plates, nodes);
        GuideIr? guide = null;
        if (model.Guide is { } g)
        {
            var guidePlates = new List<Plate>();
            var guideNodes = new List<IrNode>();
            LowerBlock(g.Body, [], guidePlates, guideNodes);
            guide = new GuideIr([.. guideNodes], [.. guidePlates], g.Span);
        }
        return new ModelIr(model.Source, model.Sizes, [.. plates], [.. nodes], guide);
    }

    private static void LowerBlock(IEnumerable<TypedStatement> statements, ImmutableArray<string> enclosing, List<Plate> plates, List<IrNode> nodes)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case TypedNode n:
                    nodes.Add(n.Node);
                    break;
                case TypedPlate p:
                    AddPlate(plates, p.Plate);
                    LowerBlock(p.Body, enclosing.Add(p.Plate.Index), plates, nodes);
                    break;
                case TypedSample { ImplicitPlate: true } s:
                    nodes.Add(LowerImplicit(s, plates));
                    break;
                case TypedSample s:
                    var distribution = s.Distribution.Ir with { Type = new IrType(s.Distribution.Ir.Type.Kind, s.Type.Shape) };
                    nodes.Add(new RandomNode(s.Name, s.Type, distribution, s.IsObserved, enclosing, s.Span));
                    break;
                default:
                    throw new InvalidOperationException($"internal error: cannot lower {statement.GetType().Name}");
            }
        }
    }

    private static void AddPlate(List<Plate> plates, Plate plate)
    {
        if (!plates.Exists(p => p.Index == plate.Index))
        {
            plates.Add(plate);
        }
    }

    private static RandomNode LowerImplicit(TypedSample s, List<Plate> plates)
    {
        var plate = new Plate($"_{s.Name}0", s.Type.Shape.Dims[0], Batch: null, IsImplicit: true, s.Span);
        AddPlate(plates, plate);
        var batchRank = s.Type.Shape.Rank - s.Distribution.Event.Rank;
        var dist = s.Distribution.Ir;
        ImmutableArray<string> Union(IEnumerable<string> ps) => [.. ps.Distinct(StringComparer.Ordinal).OrderBy(p => p == plate.Index ? 0 : 1)];
        IrExpr Select(IrExpr argument, int parameterRank) =>
            argument.Type.Shape.Rank - parameterRank == batchRank && argument.Type.Shape.Dims[0] is not { IsKnown: true, Value: 1 }
                ? PlateSelection.Select(argument, plate.Index, Union, argument.Span)
                : argument;
        var arguments = dist.Arguments.Select((a, i) => Select(a, s.Distribution.ParameterRanks[i])).ToImmutableArray();
        var components = dist.Components
            .Select(c => c with
            {
                Arguments = [.. c.Arguments.Select(a => Select(a, 0))],
                Type = PlateSelection.DropAxis(new IrType(c.Type.Kind, s.Type.Shape), 0),
                Plates = Union([plate.Index, .. c.Plates]),
            })
            .ToImmutableArray();
        var type = PlateSelection.DropAxis(s.Type, 0);
        var lowered = dist with
        {
            Arguments = arguments,
            Components = components,
            Type = new IrType(dist.Type.Kind, type.Shape),
            Plates = Union(arguments.SelectMany(a => a.Plates).Concat(components.SelectMany(c => c.Plates))),
        };
        return new RandomNode(s.Name, type, lowered, s.IsObserved, [plate.Index], s.Span);
    }
}
