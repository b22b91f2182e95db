using System.Collections.Immutable;
using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Analysis;

/// <summary>
/// Finds how one latent enters an expression (<see cref="OccurrenceKind"/>), looking through <c>let</c>s.
/// This is the test behind conjugacy: a Gaussian latent must enter a Gaussian's mean affinely, a Gamma
/// latent a precision or a rate directly (up to a constant factor), a discrete latent only as an index.
/// </summary>
/// <param name="lets">The model's <c>let</c> definitions by name, inlined where referenced.</param>
internal sealed class OccurrenceFinder(ImmutableDictionary<string, IrExpr> lets)
{
    /// <summary>How <paramref name="latent"/> (a node name, or a net with a prior) enters <paramref name="expression"/>.</summary>
    public Occurrence Find(IrExpr expression, string latent) => expression switch
    {
        IrRef r when r.Name == latent => new(OccurrenceKind.Direct),
        IrRef { Kind: SymbolKind.Let } r when lets.TryGetValue(r.Name, out var value) => Find(value, latent),
        IrPlateIndex p => Find(p.Target, latent),
        IrElement e => Find(e.Target, latent),
        IrSlice s => Find(s.Target, latent),
        IrGather g => Gather(g, latent),
        IrUnary { Function: UnaryFunction.Negate } u => Scale(Find(u.Operand, latent)),
        IrUnary u => Nonlinear(Find(u.Operand, latent), u),
        IrBinary { Function: BinaryFunction.Add or BinaryFunction.Subtract } b => Sum(Find(b.Left, latent), Find(b.Right, latent)),
        IrBinary { Function: BinaryFunction.Multiply } b => Product(Find(b.Left, latent), Find(b.Right, latent), b, OccurrenceKind.Scaled),
        IrBinary { Function: BinaryFunction.Divide } b => Quotient(Find(b.Left, latent), Find(b.Right, latent), b),
        IrBinary b => Nonlinear(Sum(Find(b.Left, latent), Find(b.Right, latent)), b),
        IrMatMul m => Product(Find(m.Left, latent), Find(m.Right, latent), m, OccurrenceKind.Affine),
        IrReduce r => Linear(Find(r.Operand, latent)),
        IrArray a => a.Elements.Select(e => Find(e, latent)).Aggregate(Occurrence.Absent, Sum),
        IrNetCall c when c.Net == latent => new(OccurrenceKind.Nonlinear, c),
        IrNetCall c => Nonlinear(Find(c.Input, latent), c),
        _ => Occurrence.Absent,
    };

    /// <summary>True when <paramref name="expression"/> depends on <paramref name="latent"/> at all.</summary>
    public bool Contains(IrExpr expression, string latent) => Find(expression, latent).IsPresent;

    private Occurrence Gather(IrGather gather, string latent)
    {
        var target = Find(gather.Target, latent);
        var index = Find(gather.Index, latent);
        if (!index.IsPresent)
        {
            return target;
        }

        return index.Kind == OccurrenceKind.Direct && !target.IsPresent
            ? new(OccurrenceKind.Index)
            : new(OccurrenceKind.Nonlinear, gather);
    }

    private static Occurrence Scale(Occurrence inner) =>
        inner.Kind == OccurrenceKind.Direct ? new(OccurrenceKind.Scaled) : inner;

    private static Occurrence Linear(Occurrence inner) =>
        inner.Kind is OccurrenceKind.Direct or OccurrenceKind.Scaled ? new(OccurrenceKind.Affine) : inner;

    private static Occurrence Nonlinear(Occurrence inner, IrExpr culprit) =>
        inner.IsPresent ? new(OccurrenceKind.Nonlinear, inner.Culprit ?? culprit) : inner;

    /// <summary>a ± b: a latent in one term only is shifted (affine); in both terms, still affine unless used as an index.</summary>
    private static Occurrence Sum(Occurrence left, Occurrence right)
    {
        if (!left.IsPresent || !right.IsPresent)
        {
            return Linear(left.IsPresent ? left : right);
        }

        return left.Kind == OccurrenceKind.Nonlinear ? left
            : right.Kind == OccurrenceKind.Nonlinear ? right
            : left.Kind == OccurrenceKind.Index || right.Kind == OccurrenceKind.Index ? new(OccurrenceKind.Nonlinear)
            : new(OccurrenceKind.Affine);
    }

    /// <summary>a · b (or a @ b): linear in the latent when exactly one factor holds it.</summary>
    private static Occurrence Product(Occurrence left, Occurrence right, IrExpr node, OccurrenceKind directBecomes)
    {
        if (left.IsPresent && right.IsPresent)
        {
            return new(OccurrenceKind.Nonlinear, left.Culprit ?? right.Culprit ?? node);
        }

        var present = left.IsPresent ? left : right;
        return present.Kind == OccurrenceKind.Direct ? new(directBecomes) : present;
    }

    private static Occurrence Quotient(Occurrence numerator, Occurrence denominator, IrExpr node) =>
        denominator.IsPresent
            ? new(OccurrenceKind.Nonlinear, denominator.Culprit ?? node)
            : Scale(numerator);
}
