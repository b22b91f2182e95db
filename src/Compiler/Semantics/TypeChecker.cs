using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// The type and shape checker: gives every expression a type, shape and plate set, checks every
/// distribution (arity, named arguments, parameter domains, the support of its variate) and every
/// plate index, and checks the guide against the model. Its output is a <see cref="TypedModel"/>.
/// </summary>
internal sealed class TypeChecker
{
    private readonly CheckContext _c;
    private readonly ExpressionChecker _expressions;
    private readonly DistributionChecker _distributions;
    private readonly SampleChecker _samples;

    private TypeChecker(CheckContext context)
    {
        _c = context;
        _expressions = new ExpressionChecker(context);
        _distributions = new DistributionChecker(context, _expressions);
        _samples = new SampleChecker(context, this);
    }

    /// <summary>Checks a bound model; diagnostics go to <paramref name="diagnostics"/>.</summary>
    public static TypedModel Check(BoundModel bound, IDistributionFacts facts, DiagnosticBag diagnostics, SizeBindings bindings)
    {
        var checker = new TypeChecker(new CheckContext(bound, facts, diagnostics, bindings));
        var statements = checker.CheckBlock(bound.Syntax.Statements.Where(s => s is not GuideBlock));
        TypedGuide? guide = null;
        if (bound.Syntax.Statements.OfType<GuideBlock>().FirstOrDefault() is { } block)
        {
            checker._c.InGuide = true;
            guide = new TypedGuide(checker.CheckBlock(block.Body), block.Span);
        }
        return new TypedModel(Path.GetFileName(bound.Syntax.Path), bound.Sizes, statements, guide);
    }

    /// <summary>The distribution checker, shared with <see cref="SampleChecker"/>.</summary>
    internal DistributionChecker Distributions => _distributions;

    /// <summary>A declared type, or null after a diagnostic.</summary>
    internal IrType? TypeOf(TypeRef type)
    {
        var kind = type.Kind switch
        {
            TypeKind.Real => ValueKind.Real,
            TypeKind.Int => ValueKind.Int,
            TypeKind.Bool => ValueKind.Bool,
            TypeKind.Pos => ValueKind.Pos,
            TypeKind.Prob => ValueKind.Prob,
            TypeKind.Simplex => ValueKind.Simplex,
            _ => ValueKind.Cov,
        };
        if (kind is ValueKind.Simplex or ValueKind.Cov && type.Sizes.Count == 0)
        {
            _c.Error(CompilerDiagnostics.InvalidSize, $"{Kinds.Name(kind)} needs its event size, e.g. {Kinds.Name(kind)}[K]", type.Span);
            return null;
        }
        var sizes = type.Sizes.Select(s => _c.EvaluateSize(s)).ToList();
        return sizes.Any(s => s is null) ? null : new IrType(kind, ShapeRules.OfType(kind, [.. sizes.Select(s => s!.Value)]));
    }

    private ImmutableArray<TypedStatement> CheckBlock(IEnumerable<Statement> statements)
    {
        var typed = ImmutableArray.CreateBuilder<TypedStatement>();
        foreach (var statement in statements)
        {
            if (CheckStatement(statement) is { } t)
            {
                typed.Add(t);
            }
        }
        return typed.ToImmutable();
    }

    private Dictionary<string, NodeInfo> Nodes => _c.InGuide ? _c.GuideNodes : _c.ModelNodes;

    private ImmutableArray<Plate> PlatesOf(IrExpr value) => [.. value.Plates.Select(p => _c.EnclosingPlate(p)!)];

    private TypedStatement? CheckStatement(Statement statement)
    {
        switch (statement)
        {
            case DataDecl d:
                if (TypeOf(d.Type) is not { } dataType)
                {
                    return null;
                }
                _c.ModelNodes[d.Name.Text] = new NodeInfo(d.Name.Text, SymbolKind.Data, dataType, []);
                return new TypedNode(new DataNode(d.Name.Text, dataType, [], d.Span));
            case ConstDecl c:
                if (_expressions.Check(c.Value) is not { } value)
                {
                    return null;
                }
                if (value is IrConstant k)
                {
                    _c.ConstValues[c.Name.Text] = k.Values;
                }
                if (!value.Plates.IsEmpty)
                {
                    _c.Error(CompilerDiagnostics.TypeMismatch, $"const '{c.Name.Text}' varies over plate '{value.Plates[0]}'; use let for a value per plate element", c.Value.Span);
                    return null;
                }
                Nodes[c.Name.Text] = new NodeInfo(c.Name.Text, SymbolKind.Const, value.Type, []);
                return new TypedNode(new ConstNode(c.Name.Text, value, c.Span));
            case ParamDecl p:
                return CheckParam(p);
            case LetStmt l:
                if (_expressions.Check(l.Value) is not { } letValue)
                {
                    return null;
                }
                Nodes[l.Name.Text] = new NodeInfo(l.Name.Text, SymbolKind.Let, letValue.Type, PlatesOf(letValue));
                return new TypedNode(new LetNode(l.Name.Text, letValue, l.Span));
            case NetDecl n:
                return CheckNet(n);
            case PlateStmt p:
                return CheckPlate(p);
            case SampleStmt s:
                return _samples.Check(s, Nodes);
            default:
                return null;
        }
    }

    private TypedNode? CheckParam(ParamDecl p)
    {
        if (TypeOf(p.Type) is not { } type)
        {
            return null;
        }
        IrExpr? init = null;
        if (p.Init is not null)
        {
            init = _expressions.Check(p.Init);
            if (init is null)
            {
                return null;
            }
            var constraint = type.Kind switch
            {
                ValueKind.Pos => Constraint.Positive,
                ValueKind.Prob => Constraint.UnitInterval,
                ValueKind.Simplex => Constraint.Simplex,
                ValueKind.Cov => Constraint.PositiveDefinite,
                ValueKind.Bool => Constraint.Bool,
                _ => Constraint.Real,
            };
            if (!_c.Shapes.BroadcastsTo(init.Type.Shape, type.Shape) || !init.Plates.IsEmpty)
            {
                _c.Error(CompilerDiagnostics.ShapeMismatch,
                    $"param '{p.Name.Text}' has shape {_c.Shapes.Describe(type.Shape)}, but its initial value '{CheckContext.Text(p.Init)}' has shape {_c.Shapes.Describe(init.Type.Shape)}",
                    p.Init.Span);
                return null;
            }
            if (!_c.Kinds.Fits(init, constraint))
            {
                _c.Error(CompilerDiagnostics.ArgumentDomain,
                    $"param '{p.Name.Text}' is {type}, but its initial value '{CheckContext.Text(p.Init)}' is not {Kinds.DescribeOne(constraint)}", p.Init.Span);
                return null;
            }
        }
        var plates = _c.Enclosing.ToImmutableArray();
        Nodes[p.Name.Text] = new NodeInfo(p.Name.Text, SymbolKind.Param, type, plates);
        return new TypedNode(new ParamNode(p.Name.Text, type, init, [.. plates.Select(x => x.Index)], p.Span));
    }

    private TypedNode? CheckNet(NetDecl n)
    {
        var layers = n.Layers.Select(l => _c.EvaluateSize(l)).ToList();
        if (layers.Any(l => l is null))
        {
            return null;
        }
        double? dropout = null;
        if (n.Dropout is not null)
        {
            var value = _expressions.Check(n.Dropout);
            if (value is null)
            {
                return null;
            }
            if (_c.Kinds.Values(value) is not { Length: 1 } v || v[0] is < 0 or >= 1)
            {
                _c.Error(CompilerDiagnostics.ArgumentDomain, $"dropout must be a constant probability in [0, 1), not '{CheckContext.Text(n.Dropout)}'", n.Dropout.Span);
                return null;
            }
            dropout = v[0];
        }
        IrDistribution? prior = null;
        if (n.Prior is not null)
        {
            if (_distributions.Check(n.Prior) is not { } checkedPrior)
            {
                return null;
            }
            if (checkedPrior.Ir.Type.Shape.Rank != 0 || !checkedPrior.Ir.Plates.IsEmpty)
            {
                _c.Error(CompilerDiagnostics.ShapeMismatch,
                    $"a net's prior is put on every weight, so it must be a scalar distribution, but this one has shape {_c.Shapes.Describe(checkedPrior.Ir.Type.Shape)}", n.Prior.Span);
                return null;
            }
            prior = checkedPrior.Ir;
        }
        var activation = n.Activation switch
        {
            Activation.Tanh => NetActivation.Tanh,
            Activation.Sigmoid => NetActivation.Sigmoid,
            Activation.Softplus => NetActivation.Softplus,
            _ => NetActivation.Relu,
        };
        var net = new NetNode(n.Name.Text, [.. layers.Select(l => l!.Value)], activation, dropout, prior, n.Span);
        _c.Nets[net.Name] = net;
        return new TypedNode(net);
    }

    private TypedPlate? CheckPlate(PlateStmt p)
    {
        var size = _c.EvaluateSize(p.Size);
        int? batch = null;
        if (p.Batch is not null && _c.EvaluateSize(p.Batch) is { } b)
        {
            batch = _c.Shapes.Known(b);
            if (batch is null)
            {
                _c.Error(CompilerDiagnostics.InvalidSize, "a batch size must be a literal or a const", p.Batch.Span);
            }
            else if (size is { } s && _c.Shapes.Known(s) is int n && batch > n)
            {
                _c.Error(CompilerDiagnostics.InvalidSize, $"batch {batch} is larger than the plate's size {n}", p.Batch.Span);
            }
        }
        if (size is null)
        {
            return null;
        }
        var plate = new Plate(p.Index.Text, size.Value, batch, IsImplicit: false, p.Span);
        if (_c.ModelPlates.TryGetValue(plate.Index, out var earlier))
        {
            if (!_c.Shapes.Same(earlier.Size, plate.Size) || earlier.Batch != plate.Batch)
            {
                _c.Error(CompilerDiagnostics.InconsistentPlate,
                    $"plate '{plate.Index}' was opened at {CheckContext.Position(earlier.Span)} over {earlier.Size}{(earlier.Batch is int eb ? $" batch {eb}" : "")}; here it runs over {plate.Size}{(plate.Batch is int pb ? $" batch {pb}" : "")}",
                    p.Size.Span, "a plate index names one plate: reuse its size and batch, or choose another index");
                return null;
            }
            plate = earlier;
        }
        else if (_c.InGuide)
        {
            _c.Error(CompilerDiagnostics.InconsistentPlate,
                $"the guide's plate '{plate.Index}' is not a plate of the model", p.Index.Span, "a guide's plates repeat the model's, with the same index");
            return null;
        }
        else
        {
            _c.ModelPlates[plate.Index] = plate;
        }
        _c.Enclosing.Add(plate);
        var body = CheckBlock(p.Body);
        _c.Enclosing.RemoveAt(_c.Enclosing.Count - 1);
        return new TypedPlate(plate, body, p.Span);
    }
}
