using System.Collections.Immutable;
using System.Globalization;
using Ppl.Compiler.Ir;
using Ppl.Language;
using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>A checked node as later statements see it: its kind, element type and plates.</summary>
/// <param name="Name">Name.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Type">Element type (plate axes excluded).</param>
/// <param name="Plates">Its plates, outermost first.</param>
internal sealed record NodeInfo(string Name, SymbolKind Kind, IrType Type, ImmutableArray<Plate> Plates);

/// <summary>The state the checker threads through a model: what is known so far, and where it is.</summary>
internal sealed class CheckContext
{
    /// <summary>Creates the context for one model.</summary>
    public CheckContext(BoundModel bound, IDistributionFacts facts, DiagnosticBag diagnostics, SizeBindings bindings)
    {
        Bound = bound;
        Facts = facts;
        Diagnostics = diagnostics;
        var consts = bound.Sizes.Where(s => s.Value is not null).ToDictionary(s => s.Name, s => s.Value!.Value, StringComparer.Ordinal);
        foreach (var (name, value) in bound.ConstNumbers)
        {
            if (ConstantNumbers.IsInteger(value, 0))
            {
                consts.TryAdd(name, (int)value);
            }
        }
        Shapes = new ShapeRules(consts, bindings);
        Kinds = new Kinds(ConstValues);
    }

    /// <summary>The binder's output.</summary>
    public BoundModel Bound { get; }

    /// <summary>Distribution facts.</summary>
    public IDistributionFacts Facts { get; }

    /// <summary>Where diagnostics go.</summary>
    public DiagnosticBag Diagnostics { get; }

    /// <summary>Shape arithmetic.</summary>
    public ShapeRules Shapes { get; }

    /// <summary>Domain facts.</summary>
    public Kinds Kinds { get; }

    /// <summary>Folded const values by name.</summary>
    public Dictionary<string, ImmutableArray<double>> ConstValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Model nodes checked so far.</summary>
    public Dictionary<string, NodeInfo> ModelNodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Guide nodes checked so far.</summary>
    public Dictionary<string, NodeInfo> GuideNodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Nets by name (model and guide).</summary>
    public Dictionary<string, NetNode> Nets { get; } = new(StringComparer.Ordinal);

    /// <summary>The model's plates by index.</summary>
    public Dictionary<string, Plate> ModelPlates { get; } = new(StringComparer.Ordinal);

    /// <summary>Model variables drawn by a whole-array <c>~</c> that became an implicit plate.</summary>
    public HashSet<string> ImplicitPlated { get; } = new(StringComparer.Ordinal);

    /// <summary>The plates enclosing the statement being checked, outermost first.</summary>
    public List<Plate> Enclosing { get; } = [];

    /// <summary>True while checking the guide.</summary>
    public bool InGuide { get; set; }

    /// <summary>The node a name refers to here (the guide's own first, in the guide).</summary>
    public NodeInfo? Node(string name) =>
        InGuide && GuideNodes.TryGetValue(name, out var g) ? g : ModelNodes.GetValueOrDefault(name);

    /// <summary>The enclosing plate with this index.</summary>
    public Plate? EnclosingPlate(string index) => Enclosing.FirstOrDefault(p => p.Index == index);

    /// <summary>Reports an error.</summary>
    public void Error(string code, string message, SourceSpan span, string? hint = null) => Diagnostics.Error(code, message, span, hint);

    /// <summary>The union of plate lists, in nesting order (enclosing plates first, in their order).</summary>
    public ImmutableArray<string> Union(IEnumerable<string> plates)
    {
        var set = plates.Distinct(StringComparer.Ordinal).ToList();
        var order = Enclosing.Select(p => p.Index).ToList();
        return [.. set.OrderBy(p => order.IndexOf(p) is var i && i >= 0 ? i : int.MaxValue)];
    }

    /// <summary>An expression as written, for messages.</summary>
    public static string Text(Expr e) => AstDump.Of(e) is var t && t.StartsWith('(') && t.EndsWith(')') ? t[1..^1] : t;

    /// <summary>A position for messages: <c>3:5</c>.</summary>
    public static string Position(SourceSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.Line}:{span.Column}");

    /// <summary>
    /// A size written in a type, plate, net or slice: a literal, a size name, a const, or arithmetic
    /// on literals and consts (folded). Null after a diagnostic.
    /// </summary>
    public Size? EvaluateSize(Expr e, int minimum = 1)
    {
        switch (e)
        {
            case NumberLit n when n.IsInteger && n.Value >= minimum:
                return Size.Of((int)n.Value);
            case NameRef r when Bound.Size(r.Name) is not null:
                return Size.Named(r.Name);
            case NameRef r when Bound.ConstNumbers.TryGetValue(r.Name, out var v) && ConstantNumbers.IsInteger(v, minimum):
                return Size.Of((int)v);
            case BinaryExpr:
                if (ConstantNumbers.Evaluate(e, Bound.ConstNumbers) is double value && ConstantNumbers.IsInteger(value, minimum))
                {
                    return Size.Of((int)value);
                }
                break;
            default:
                break;
        }
        if (e is NumberLit or NameRef && Bound.Resolve(e.Span) is null)
        {
            return null;
        }
        Error(CompilerDiagnostics.InvalidSize,
            $"'{Text(e)}' is not a size: sizes are integers {(minimum == 0 ? "≥ 0" : "≥ 1")} from literals, size names and consts, combined only when all are consts",
            e.Span);
        return null;
    }
}
