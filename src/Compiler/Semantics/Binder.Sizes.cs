using Ppl.Compiler.Ir;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// The binder's sizes: a size name first written in a data type is bound to that data's axis; a
/// const with a positive integer value can be a size; anything else written where a size is needed
/// is a diagnostic.
/// </summary>
internal sealed partial class Binder
{
    private void BindType(TypeRef type, Scope scope, string? dataName)
    {
        for (var axis = 0; axis < type.Sizes.Count; axis++)
        {
            BindSize(type.Sizes[axis], scope, dataName, axis);
        }
    }

    private void BindSize(Expr size, Scope scope, string? dataName, int axis)
    {
        switch (size)
        {
            case NumberLit n when !n.IsInteger || n.Value < 1:
                _diagnostics.Error(CompilerDiagnostics.InvalidSize, $"a size must be a positive integer, not '{n.Text}'", n.Span);
                break;
            case NumberLit:
                break;
            case NameRef r:
                BindSizeName(r, scope, dataName, axis);
                break;
            case BinaryExpr b when b.Op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide:
                BindSize(b.Left, scope, null, 0);
                BindSize(b.Right, scope, null, 0);
                break;
            default:
                _diagnostics.Error(CompilerDiagnostics.InvalidSize,
                    $"'{AstDump.Of(size)}' is not a size: write a literal, a size name or a const (or + - * / of them)", size.Span);
                break;
        }
    }

    private void BindSizeName(NameRef r, Scope scope, string? dataName, int axis)
    {
        if (_sizes.Find(s => s.Name == r.Name) is not null)
        {
            _references[r.Span] = new Symbol(r.Name, SymbolRole.Size, r.Span);
            return;
        }
        switch (scope.Lookup(r.Name))
        {
            case { Role: SymbolRole.Const } c:
                if (_constNumbers.TryGetValue(r.Name, out var v) && ConstantNumbers.IsInteger(v, 1))
                {
                    _sizes.Add(new SizeSymbol(r.Name, null, 0, (int)v, c.Span));
                    _references[r.Span] = new Symbol(r.Name, SymbolRole.Size, c.Span);
                }
                else
                {
                    _diagnostics.Error(CompilerDiagnostics.InvalidSize, $"const '{r.Name}' is not a positive integer, so it cannot be a size", r.Span);
                }
                return;
            case { } other:
                _diagnostics.Error(CompilerDiagnostics.InvalidSize,
                    $"'{r.Name}' is {other.Describe()}, not a size: sizes come from data shapes, consts or literals", r.Span);
                return;
        }
        if (dataName is not null)
        {
            _sizes.Add(new SizeSymbol(r.Name, dataName, axis, null, r.Span));
            _references[r.Span] = new Symbol(r.Name, SymbolRole.Size, r.Span);
            return;
        }
        if (_laterDeclarations.TryGetValue(r.Name, out var later) && later.Role == SymbolRole.Const)
        {
            _diagnostics.Error(CompilerDiagnostics.UsedBeforeDefinition,
                $"size '{r.Name}' is used before its const is defined at {Position(later.Span)}", r.Span);
            return;
        }
        _diagnostics.Error(CompilerDiagnostics.UnknownSize,
            $"unknown size '{r.Name}'{Suggestions.DidYouMean(r.Name, _sizes.Select(s => s.Name))}", r.Span,
            $"a size is bound by a data shape (data x: real[{r.Name}]) or a const ({r.Name} = ...)");
    }
}
