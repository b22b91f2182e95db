using Ppl.Compiler.Ir;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// Checks a <c>~</c> statement: its indices are the enclosing plates', its variate lies in the
/// distribution's support (data kind, or declared latent kind), its shape agrees with the
/// distribution's (scalar parameters broadcast i.i.d. over a declared array), and in the guide it
/// matches the model's latent. Decides the implicit plate of a whole-array <c>~</c>.
/// </summary>
internal sealed class SampleChecker(CheckContext context, TypeChecker checker)
{
    private readonly CheckContext _c = context;

    /// <summary>Checks <paramref name="s"/>, registering the latent it declares in <paramref name="nodes"/>.</summary>
    public TypedSample? Check(SampleStmt s, Dictionary<string, NodeInfo> nodes)
    {
        var dist = checker.Distributions.Check(s.Distribution);
        var name = s.Target.Name.Text;
        if (_c.Bound.Resolve(s.Target.Name.Span) is not { } symbol || !IndicesMatch(s.Target))
        {
            return null;
        }
        var declared = s.Type is null ? null : checker.TypeOf(s.Type);
        if (dist is null || (s.Type is not null && declared is null))
        {
            return null;
        }
        var target = CheckContext.Text(new IndexOrName(s.Target).Expr);
        var observed = symbol.Role == SymbolRole.Data;
        IrType element;
        if (observed)
        {
            if (_c.ModelNodes.GetValueOrDefault(name) is not { } data || ObservedElement(s, data, declared) is not { } e)
            {
                return null;
            }
            element = e;
            if (!Kinds.DataFits(element.Kind, dist.Facts.Support))
            {
                _c.Error(CompilerDiagnostics.SupportMismatch,
                    $"'{name}' is {Kinds.Name(element.Kind)} data, but {dist.Facts.Name}'s draws are {Kinds.Describe(dist.Facts.Support)}",
                    s.Target.Span, SupportHint(element.Kind, dist.Facts));
                return null;
            }
        }
        else
        {
            if (declared is not null && !Kinds.DeclaredHolds(declared.Kind, dist.Facts.Support))
            {
                _c.Error(CompilerDiagnostics.SupportMismatch,
                    $"{dist.Facts.Name}'s draws are {Kinds.Describe(dist.Facts.Support)}, but '{name}' is declared {Kinds.Name(declared.Kind)}", s.Type!.Span);
                return null;
            }
            element = declared is null ? dist.Ir.Type : new IrType(dist.Ir.Type.Kind, declared.Shape);
        }
        if (!ShapeAgrees(target, s, element, dist))
        {
            return null;
        }
        var batchRank = element.Shape.Rank - dist.Event.Rank;
        var carried = batchRank >= 1 && dist.Batch.Rank == batchRank && dist.Batch.Dims[0] is not { IsKnown: true, Value: 1 };
        var implicitPlate = _c.Enclosing.Count == 0 && batchRank >= 1 && (observed || carried);
        if (_c.InGuide)
        {
            if (!MatchesModel(s, name, element, dist))
            {
                return null;
            }
            implicitPlate = _c.ImplicitPlated.Contains(name);
        }
        else if (implicitPlate && !observed)
        {
            _c.ImplicitPlated.Add(name);
        }
        if (!observed)
        {
            nodes[name] = new NodeInfo(name, SymbolKind.Random, element, [.. _c.Enclosing]);
        }
        return new TypedSample(name, element, dist, observed, implicitPlate, s.Span);
    }

    private bool IndicesMatch(SampleTarget target)
    {
        var enclosing = _c.Enclosing.Select(p => p.Index).ToList();
        var written = target.Indices.Select(i => i is NameRef r ? r.Name : null).ToList();
        if (written.SequenceEqual(enclosing))
        {
            return true;
        }
        var wanted = $"{target.Name.Text}[{string.Join(", ", enclosing)}]";
        if (enclosing.Count == 0)
        {
            _c.Error(CompilerDiagnostics.PlateIndexMismatch,
                $"'{CheckContext.Text(new IndexOrName(target).Expr)}' is outside any plate, so '{target.Name.Text}' takes no indices", target.Span,
                $"write '{target.Name.Text} ~ ...' for the whole array, or put the statement in a plate");
        }
        else if (written.Count == 0)
        {
            _c.Error(CompilerDiagnostics.PlateIndexMismatch,
                $"'{target.Name.Text}' is drawn inside plate{(enclosing.Count > 1 ? "s" : "")} {string.Join(", ", enclosing.Select(e => $"'{e}'"))}, so it must be indexed by {(enclosing.Count > 1 ? "them" : "it")}: write '{wanted} ~ ...'",
                target.Span);
        }
        else
        {
            _c.Error(CompilerDiagnostics.PlateIndexMismatch,
                $"the indices of '{CheckContext.Text(new IndexOrName(target).Expr)}' must be the enclosing plates' indices, in order: write '{wanted}'",
                target.Span);
        }
        return false;
    }

    private IrType? ObservedElement(SampleStmt s, NodeInfo data, IrType? declared)
    {
        var plates = _c.Enclosing;
        if (data.Type.Shape.Rank < plates.Count)
        {
            _c.Error(CompilerDiagnostics.InvalidIndex,
                $"data '{data.Name}' has shape {_c.Shapes.Describe(data.Type.Shape)}, too few axes for {plates.Count} plate indices", s.Target.Span);
            return null;
        }
        var element = data.Type;
        for (var i = 0; i < plates.Count; i++)
        {
            var size = data.Type.Shape.Dims[i];
            if (!_c.Shapes.Same(size, plates[i].Size))
            {
                _c.Error(CompilerDiagnostics.ShapeMismatch,
                    $"'{CheckContext.Text(new IndexOrName(s.Target).Expr)}': axis {i} of '{data.Name}' has size {_c.Shapes.Describe(size)}, but plate '{plates[i].Index}' runs over {_c.Shapes.Describe(plates[i].Size)}",
                    s.Target.Indices[i].Span);
                return null;
            }
            element = PlateSelection.DropAxis(element, 0);
        }
        if (declared is not null && (declared.Kind != element.Kind || !_c.Shapes.Same(declared.Shape, element.Shape)))
        {
            _c.Error(CompilerDiagnostics.TypeMismatch,
                $"'{data.Name}' is declared as data {data.Type}, so this element is {element}, not {declared}", s.Type!.Span);
            return null;
        }
        return element;
    }

    private bool ShapeAgrees(string target, SampleStmt s, IrType element, CheckedDistribution dist)
    {
        var shape = element.Shape;
        var eventRank = dist.Event.Rank;
        var batch = new Shape([.. shape.Dims.Take(shape.Rank - eventRank)]);
        var agrees = shape.Rank >= eventRank
            && _c.Shapes.Same(new Shape([.. shape.Dims.Skip(shape.Rank - eventRank)]), dist.Event)
            && _c.Shapes.BroadcastsTo(dist.Batch, batch);
        if (!agrees)
        {
            var call = s.Distribution;
            var text = $"{call.Callee.Text}({(call.Arguments.Count > 0 ? CheckContext.Text(call.Arguments[0]) : "")}{(call.Arguments.Count + call.NamedArguments.Count > 1 ? ", ..." : "")})";
            _c.Error(CompilerDiagnostics.ShapeMismatch,
                $"'{target}' has shape {_c.Shapes.Describe(shape)}, but {text} has shape {_c.Shapes.Describe(dist.Ir.Type.Shape)}",
                s.Distribution.Span);
        }
        return agrees;
    }

    private bool MatchesModel(SampleStmt s, string name, IrType element, CheckedDistribution dist)
    {
        if (_c.ModelNodes.GetValueOrDefault(name) is not { Kind: SymbolKind.Random } model)
        {
            return false;
        }
        var guideShape = element.Shape.Prepend(_c.Enclosing.Select(p => p.Size));
        var modelShape = model.Type.Shape.Prepend(model.Plates.Select(p => p.Size));
        if (!_c.Shapes.Same(guideShape, modelShape) || !model.Plates.Select(p => p.Index).SequenceEqual(_c.Enclosing.Select(p => p.Index)))
        {
            _c.Error(CompilerDiagnostics.GuideMismatch,
                $"the guide's '{name}' has shape {_c.Shapes.Describe(guideShape)}, but the model's '{name}' has shape {_c.Shapes.Describe(modelShape)}",
                s.Span, "a guide draws each latent with the model's shape, in the same plates");
            return false;
        }
        if (!Kinds.DeclaredHolds(model.Type.Kind, dist.Facts.Support))
        {
            _c.Error(CompilerDiagnostics.GuideMismatch,
                $"the guide draws '{name}' from {dist.Facts.Name} ({Kinds.Describe(dist.Facts.Support)}), but the model's '{name}' is {Kinds.Name(model.Type.Kind)}",
                s.Distribution.Callee.Span, "the guide's draws must lie where the model's prior puts mass");
            return false;
        }
        return true;
    }

    private static string? SupportHint(ValueKind data, DistributionFacts facts) => (data, facts.Support) switch
    {
        (ValueKind.Bool, _) => "bool data is modelled by Bernoulli (or Categorical for int labels)",
        (_, Constraint.NonNegativeInteger or Constraint.BoundedInteger or Constraint.CategoryIndex) => "declare the data int if its values are whole numbers",
        (_, Constraint.Positive or Constraint.NonNegative) => "declare the data pos if its values are positive",
        (_, Constraint.UnitInterval or Constraint.Bool) => "declare the data prob (values in [0, 1]) or bool",
        _ => null,
    };

    /// <summary>A sample target as an expression, for messages.</summary>
    private readonly record struct IndexOrName(SampleTarget Target)
    {
        public Expr Expr => Target.Indices.Count == 0
            ? new NameRef(Target.Name.Text, Target.Name.Span)
            : new IndexExpr(new NameRef(Target.Name.Text, Target.Name.Span), [.. Target.Indices.Select(i => new PointIndex(i, i.Span))], Target.Span);
    }
}
