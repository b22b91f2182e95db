using Ppl.Compiler.Ir;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>Types calls in expressions: built-in functions and nets.</summary>
internal sealed class CallChecker(CheckContext context, ExpressionChecker expressions)
{
    private readonly CheckContext _c = context;

    /// <summary>Types <paramref name="call"/>; null after a diagnostic.</summary>
    public IrExpr? Check(CallExpr call)
    {
        var name = call.Callee.Text;
        var isNet = _c.Bound.Resolve(call.Callee.Span) is { Role: SymbolRole.Net };
        if (!isNet && !BuiltinFunctions.Contains(name))
        {
            return null;
        }
        if (call.NamedArguments.Count > 0)
        {
            _c.Error(CompilerDiagnostics.UnknownArgument, $"'{name}' takes no named arguments", call.NamedArguments[0].Span);
            return null;
        }
        if (name is "zeros" or "ones" or "I")
        {
            return Fill(call);
        }
        var arity = name == "dot" ? 2 : 1;
        if (call.Arguments.Count != arity)
        {
            _c.Error(CompilerDiagnostics.WrongArity,
                $"'{name}' takes {arity} argument{(arity == 1 ? "" : "s")}, but {call.Arguments.Count} {(call.Arguments.Count == 1 ? "is" : "are")} given", call.Span);
            return null;
        }
        var args = call.Arguments.Select(expressions.Check).ToList();
        if (args.Any(a => a is null))
        {
            return null;
        }
        var x = args[0]!;
        if (isNet)
        {
            return Net(call, _c.Nets.GetValueOrDefault(name), x);
        }
        switch (name)
        {
            case "dot":
                var y = args[1]!;
                if (x.Type.Shape.Rank != 1 || y.Type.Shape.Rank != 1 || !_c.Shapes.Same(x.Type.Shape.Dims[0], y.Type.Shape.Dims[0]))
                {
                    _c.Error(CompilerDiagnostics.MatMulShape,
                        $"dot needs two vectors of one length, but '{CheckContext.Text(call.Arguments[0])}' has shape {_c.Shapes.Describe(x.Type.Shape)} and '{CheckContext.Text(call.Arguments[1])}' has shape {_c.Shapes.Describe(y.Type.Shape)}",
                        call.Span);
                    return null;
                }
                return new IrMatMul(x, y, IrType.RealScalar, _c.Union(x.Plates.Concat(y.Plates)), call.Span);
            case "sum" or "mean":
                var kind = name == "sum" && x.Type.Kind == ValueKind.Int ? ValueKind.Int : _c.Kinds.IsPositive(x) ? ValueKind.Pos : ValueKind.Real;
                return new IrReduce(name == "sum" ? ReduceFunction.Sum : ReduceFunction.Mean, x, new IrType(kind, Shape.Scalar), x.Plates, call.Span);
            default:
                var function = Enum.Parse<UnaryFunction>(name, ignoreCase: true);
                var result = function switch
                {
                    UnaryFunction.Exp or UnaryFunction.Softplus => ValueKind.Pos,
                    UnaryFunction.Sigmoid => ValueKind.Prob,
                    UnaryFunction.Sqrt when _c.Kinds.IsPositive(x) => ValueKind.Pos,
                    _ => ValueKind.Real,
                };
                return new IrUnary(function, x, new IrType(result, x.Type.Shape), x.Plates, call.Span);
        }
    }

    private IrFill? Fill(CallExpr call)
    {
        var name = call.Callee.Text;
        if (call.Arguments.Count == 0 || (name == "I" && call.Arguments.Count != 1))
        {
            _c.Error(CompilerDiagnostics.WrongArity,
                name == "I" ? "'I' takes one size: I(D) is the D×D identity" : $"'{name}' takes one or more sizes, e.g. {name}(D)", call.Span);
            return null;
        }
        var sizes = call.Arguments.Select(a => _c.EvaluateSize(a)).ToList();
        if (sizes.Any(s => s is null))
        {
            return null;
        }
        var dims = sizes.Select(s => s!.Value).ToList();
        return name switch
        {
            "zeros" => new IrFill(FillKind.Zeros, new IrType(ValueKind.Real, new Shape([.. dims])), call.Span),
            "ones" => new IrFill(FillKind.Ones, new IrType(ValueKind.Pos, new Shape([.. dims])), call.Span),
            _ => new IrFill(FillKind.Identity, new IrType(ValueKind.Cov, Shape.Of(dims[0], dims[0])), call.Span),
        };
    }

    private IrNetCall? Net(CallExpr call, NetNode? net, IrExpr input)
    {
        if (net is null)
        {
            return null;
        }
        var width = net.Layers[0];
        if (input.Type.Shape.Rank == 0 || !_c.Shapes.Same(input.Type.Shape.Dims[^1], width))
        {
            _c.Error(CompilerDiagnostics.ShapeMismatch,
                $"net '{net.Name}' takes inputs of width {_c.Shapes.Describe(width)}, but '{CheckContext.Text(call.Arguments[0])}' has shape {_c.Shapes.Describe(input.Type.Shape)}",
                call.Arguments[0].Span);
            return null;
        }
        var shape = new Shape(input.Type.Shape.Dims.SetItem(input.Type.Shape.Rank - 1, net.Layers[^1]));
        return new IrNetCall(net.Name, input, new IrType(ValueKind.Real, shape), input.Plates, call.Span);
    }
}
