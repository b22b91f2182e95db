using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>A checked distribution: its IR, its support, and the batch and event parts of a draw's shape.</summary>
/// <param name="Ir">The distribution with named arguments resolved.</param>
/// <param name="Facts">The family's facts.</param>
/// <param name="Batch">The broadcast shape of the parameters' batch axes.</param>
/// <param name="Event">The shape of one event (<c>[D]</c> for MvNormal).</param>
/// <param name="ParameterRanks">The event rank of each argument's parameter, in argument order.</param>
internal sealed record CheckedDistribution(IrDistribution Ir, DistributionFacts Facts, Shape Batch, Shape Event, ImmutableArray<int> ParameterRanks);

/// <summary>
/// Checks a distribution call: the family exists, arity, named arguments (one per parameter slot, a
/// named alternative standing for its positional parameter), each argument's rank and domain, and
/// that the parameters' shapes broadcast. A draw's shape is the parameters' batch shape followed by
/// the event shape.
/// </summary>
internal sealed class DistributionChecker(CheckContext context, ExpressionChecker expressions)
{
    private readonly CheckContext _c = context;

    /// <summary>Checks <paramref name="call"/>; null after a diagnostic.</summary>
    public CheckedDistribution? Check(CallExpr call)
    {
        if (_c.Facts.Find(call.Callee.Text) is not { } facts)
        {
            return null;
        }
        var positional = facts.IsVariadic ? call.Arguments.Take(facts.Arity()).ToList() : [.. call.Arguments];
        if (!facts.IsVariadic && positional.Count > facts.Arity())
        {
            _c.Error(CompilerDiagnostics.WrongArity,
                $"{facts.Name} takes {facts.Arity()} positional argument{(facts.Arity() == 1 ? "" : "s")}, but {positional.Count} are given",
                call.Arguments[facts.Arity()].Span, $"the signature is {facts.Signature}");
            return null;
        }
        var slots = new (ParameterFacts Spec, Expr Value)?[facts.Arity()];
        for (var i = 0; i < positional.Count; i++)
        {
            slots[i] = (facts.Parameters[i], positional[i]);
        }
        if (!FillNamed(call, facts, slots))
        {
            return null;
        }
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] is null)
            {
                _c.Error(CompilerDiagnostics.WrongArity,
                    $"{facts.Name} needs its parameter '{facts.Parameters[i].Name}'", call.Span, $"the signature is {facts.Signature}");
                return null;
            }
        }
        var arguments = slots.Select(s => expressions.Check(s!.Value.Value)).ToList();
        if (arguments.Any(a => a is null))
        {
            return null;
        }
        var ok = true;
        for (var i = 0; i < slots.Length; i++)
        {
            ok &= CheckArgument(facts, slots[i]!.Value.Spec, slots[i]!.Value.Value, arguments[i]!, i > 0 ? arguments[i - 1] : null);
        }
        if (!ok)
        {
            return null;
        }
        var parameterisation = slots.Select(s => s!.Value.Spec).FirstOrDefault(p => p.Replaces is not null)?.Name
            ?? (facts.Alternatives.Count > 0 ? facts.Alternatives[0].Replaces! : "standard");
        var components = ImmutableArray<IrDistribution>.Empty;
        var componentBatch = Shape.Scalar;
        if (facts.IsVariadic)
        {
            if (CheckComponents(call, facts, arguments[0]!) is not { } checkedComponents)
            {
                return null;
            }
            components = [.. checkedComponents.Select(c => c.Ir)];
            componentBatch = checkedComponents.Aggregate(Shape.Scalar, (s, c) => _c.Shapes.Broadcast(s, c.Batch) ?? s);
        }
        if (Shapes(call, facts, slots.Select(s => s!.Value.Spec).ToList(), arguments!) is not var (batch, @event))
        {
            return null;
        }
        batch = _c.Shapes.Broadcast(batch, componentBatch) ?? batch;
        var kind = facts.IsVariadic && components.Length > 0 ? components[0].Type.Kind : Kinds.OfSupport(facts.Support);
        var plates = _c.Union(arguments.SelectMany(a => a!.Plates).Concat(components.SelectMany(c => c.Plates)));
        var type = new IrType(kind, new Shape([.. batch.Dims, .. @event.Dims]));
        var ir = new IrDistribution(facts.Name, parameterisation, [.. arguments!], components, type, plates, call.Span);
        return new CheckedDistribution(ir, facts, batch, @event, [.. slots.Select(s => s!.Value.Spec.Rank)]);
    }

    private bool FillNamed(CallExpr call, DistributionFacts facts, (ParameterFacts Spec, Expr Value)?[] slots)
    {
        foreach (var named in call.NamedArguments)
        {
            var name = named.Name.Text;
            var spec = facts.Parameters.Concat(facts.Alternatives).FirstOrDefault(p => p.Name == name);
            if (spec is null)
            {
                var names = facts.Parameters.Concat(facts.Alternatives).Select(p => p.Name);
                _c.Error(CompilerDiagnostics.UnknownArgument,
                    $"{facts.Name} has no parameter '{name}'{Suggestions.DidYouMean(name, names)}", named.Name.Span,
                    $"the signature is {facts.Signature}");
                return false;
            }
            var slot = facts.Parameters.ToList().FindIndex(p => p.Name == (spec.Replaces ?? spec.Name));
            if (slots[slot] is { } taken)
            {
                var how = taken.Spec.Name == facts.Parameters[slot].Name && taken.Spec.Replaces is null ? $"'{taken.Spec.Name}'" : $"'{taken.Spec.Name}:'";
                _c.Error(CompilerDiagnostics.DuplicateArgument,
                    $"{facts.Name} is given both {how} and '{name}:'; they are alternatives for one parameter", named.Name.Span,
                    $"the signature is {facts.Signature}");
                return false;
            }
            slots[slot] = (spec, named.Value);
        }
        return true;
    }

    private bool CheckArgument(DistributionFacts facts, ParameterFacts spec, Expr syntax, IrExpr argument, IrExpr? previous)
    {
        var shape = argument.Type.Shape;
        if (shape.Rank < spec.Rank || (spec.Rank == 2 && !_c.Shapes.Same(shape.Dims[^1], shape.Dims[^2])))
        {
            var wanted = spec.Rank == 1 ? "a vector" : "a square matrix";
            _c.Error(CompilerDiagnostics.ShapeMismatch,
                $"{facts.Name}'s '{spec.Name}' must be {wanted}, but '{CheckContext.Text(syntax)}' has shape {_c.Shapes.Describe(shape)}", syntax.Span);
            return false;
        }
        if (!_c.Kinds.Fits(argument, spec.Constraint))
        {
            var what = _c.Kinds.Values(argument) is { Length: 1 } v ? $"{v[0]}" : $"{argument.Type}";
            _c.Error(CompilerDiagnostics.ArgumentDomain,
                $"{facts.Name}'s '{spec.Name}' must be {Kinds.DescribeOne(spec.Constraint)}, but '{CheckContext.Text(syntax)}' is {what}", syntax.Span,
                Hint(spec.Constraint));
            return false;
        }
        if (spec.Constraint == Constraint.GreaterThanPrevious && previous is not null
            && _c.Kinds.Values(previous) is { Length: 1 } lo && _c.Kinds.Values(argument) is { Length: 1 } hi && hi[0] <= lo[0])
        {
            _c.Error(CompilerDiagnostics.ArgumentDomain, $"{facts.Name}'s '{spec.Name}' ({hi[0]}) must exceed {lo[0]}", syntax.Span);
            return false;
        }
        return true;
    }

    private static string? Hint(Constraint constraint) => constraint switch
    {
        Constraint.Positive => "declare it pos, or transform it: exp(x), softplus(x)",
        Constraint.UnitInterval => "declare it prob, or use sigmoid(x) (or logits: for Bernoulli and Categorical)",
        Constraint.Simplex => "declare it simplex[K], or pass logits:",
        Constraint.PositiveDefinite => "declare it cov[D]",
        _ => null,
    };

    private (Shape Batch, Shape Event)? Shapes(CallExpr call, DistributionFacts facts, List<ParameterFacts> specs, List<IrExpr> arguments)
    {
        var batch = Shape.Scalar;
        Size? eventSize = null;
        for (var i = 0; i < specs.Count; i++)
        {
            var shape = arguments[i].Type.Shape;
            var own = shape.DropLeading(0).Dims.Take(shape.Rank - specs[i].Rank);
            if (_c.Shapes.Broadcast(batch, new Shape([.. own])) is not { } b)
            {
                _c.Error(CompilerDiagnostics.ShapeMismatch,
                    $"the parameters of {facts.Name} have shapes that do not broadcast: '{specs[i].Name}' has shape {_c.Shapes.Describe(shape)}, the others {_c.Shapes.Describe(batch)}",
                    arguments[i].Span);
                return null;
            }
            batch = b;
            if (specs[i].Rank > 0)
            {
                var size = shape.Dims[^1];
                if (eventSize is { } e && !_c.Shapes.Same(e, size))
                {
                    _c.Error(CompilerDiagnostics.ShapeMismatch,
                        $"the parameters of {facts.Name} disagree on the event size: {_c.Shapes.Describe(e)} and {_c.Shapes.Describe(size)} ('{specs[i].Name}' has shape {_c.Shapes.Describe(shape)})",
                        arguments[i].Span);
                    return null;
                }
                eventSize ??= size;
            }
        }
        var @event = facts.SupportRank switch
        {
            0 => Shape.Scalar,
            1 => Shape.Of(eventSize!.Value),
            _ => Shape.Of(eventSize!.Value, eventSize!.Value),
        };
        return (batch, @event);
    }

    private List<CheckedDistribution>? CheckComponents(CallExpr call, DistributionFacts facts, IrExpr weights)
    {
        var components = new List<CheckedDistribution>();
        foreach (var argument in call.Arguments.Skip(facts.Arity()))
        {
            if (argument is not CallExpr component || _c.Facts.Find(component.Callee.Text) is null)
            {
                if (argument is not CallExpr)
                {
                    _c.Error(CompilerDiagnostics.TypeMismatch, $"a Mixture's components must be distributions, but '{CheckContext.Text(argument)}' is not", argument.Span);
                }
                return null;
            }
            if (Check(component) is not { } checkedComponent)
            {
                return null;
            }
            if (checkedComponent.Event.Rank != 0 || checkedComponent.Facts.IsVariadic)
            {
                _c.Error(CompilerDiagnostics.TypeMismatch, $"a Mixture's components must be univariate distributions", argument.Span);
                return null;
            }
            components.Add(checkedComponent);
        }
        if (components.Count < 2)
        {
            _c.Error(CompilerDiagnostics.WrongArity, "a Mixture needs weights and at least two components", call.Span, "Mixture(weights, D1, D2, ...)");
            return null;
        }
        if (_c.Shapes.Known(weights.Type.Shape.Dims[^1]) is int k && k != components.Count)
        {
            _c.Error(CompilerDiagnostics.ShapeMismatch,
                $"the Mixture has {components.Count} components but {k} weights", call.Arguments[0].Span);
            return null;
        }
        return components;
    }
}
