using System.Globalization;
using Ppl.Compiler.Ir;
using Ppl.Language;
using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// The binder: resolves every name through its scopes (the model's top level, plates, the guide),
/// binds named sizes to data shapes and consts, and reports undefined, duplicate and misplaced names
/// with "did you mean" hints. Names must be defined above their first use, so statement order is a
/// dependency order; sizes bound by data shapes are the exception (they are known before any statement). The guide is bound after the model, whatever its position in the file.
/// </summary>
internal sealed partial class Binder
{
    private readonly IDistributionFacts _facts;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<SourceSpan, Symbol> _references = [];
    private readonly List<SizeSymbol> _sizes = [];
    private readonly Dictionary<string, double> _constNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SymbolRole Role, SourceSpan Span)> _laterDeclarations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _observed = new(StringComparer.Ordinal);
    private readonly Scope _model = new(null, isPlate: false);
    private bool _inGuide;

    private Binder(IDistributionFacts facts, DiagnosticBag diagnostics) => (_facts, _diagnostics) = (facts, diagnostics);

    /// <summary>Binds <paramref name="model"/>, appending diagnostics to <paramref name="diagnostics"/>.</summary>
    public static BoundModel Bind(ModelFile model, IDistributionFacts facts, DiagnosticBag diagnostics)
    {
        var binder = new Binder(facts, diagnostics);
        binder.CollectDeclarations(model.Statements);
        foreach (var data in model.Statements.OfType<DataDecl>())
        {
            // A size first written in any data type is bound from that data's shape, wherever the
            // declaration stands (DESIGN.md), so sizes do not depend on statement order.
            for (var axis = 0; axis < data.Type.Sizes.Count; axis++)
            {
                if (data.Type.Sizes[axis] is NameRef size && !binder._laterDeclarations.ContainsKey(size.Name)
                    && binder._sizes.Find(s => s.Name == size.Name) is null)
                {
                    binder._sizes.Add(new SizeSymbol(size.Name, data.Name.Text, axis, null, size.Span));
                }
            }
        }
        foreach (var statement in model.Statements.Where(s => s is not GuideBlock))
        {
            binder.BindStatement(statement, binder._model);
        }
        var guides = model.Statements.OfType<GuideBlock>().ToList();
        foreach (var extra in guides.Skip(1))
        {
            diagnostics.Error(CompilerDiagnostics.InvalidGuide, "a model has at most one guide", extra.Span,
                $"merge it into the guide at {Position(guides[0].Span)}");
        }
        if (guides.Count > 0)
        {
            binder._inGuide = true;
            var scope = new Scope(binder._model, isPlate: false);
            foreach (var statement in guides[0].Body)
            {
                binder.BindStatement(statement, scope);
            }
        }
        return new BoundModel(model, binder._references, [.. binder._sizes], binder._constNumbers);
    }

    private static string Position(SourceSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.Line}:{span.Column}");

    private void CollectDeclarations(IEnumerable<Statement> statements)
    {
        foreach (var statement in statements)
        {
            var (name, role) = statement switch
            {
                DataDecl d => (d.Name, SymbolRole.Data),
                ConstDecl c => (c.Name, SymbolRole.Const),
                ParamDecl p => (p.Name, SymbolRole.Param),
                LetStmt l => (l.Name, SymbolRole.Let),
                NetDecl n => (n.Name, SymbolRole.Net),
                SampleStmt s => (s.Target.Name, SymbolRole.Random),
                PlateStmt p => (p.Index, SymbolRole.PlateIndex),
                _ => ((Identifier?)null, SymbolRole.Size),
            };
            if (name is not null)
            {
                _laterDeclarations.TryAdd(name.Text, (role, name.Span));
            }
            if (statement is PlateStmt plate)
            {
                CollectDeclarations(plate.Body);
            }
        }
    }

    private void BindStatement(Statement statement, Scope scope)
    {
        switch (statement)
        {
            case DataDecl d:
                if (_inGuide)
                {
                    _diagnostics.Error(CompilerDiagnostics.InvalidGuide, "data is declared in the model, not in the guide", d.Span);
                    return;
                }
                BindType(d.Type, scope, d.Name.Text);
                Declare(d.Name, SymbolRole.Data, scope);
                break;
            case ConstDecl c:
                BindExpression(c.Value, scope);
                Declare(c.Name, SymbolRole.Const, scope);
                if (ConstantNumbers.Evaluate(c.Value, _constNumbers) is double value)
                {
                    _constNumbers[c.Name.Text] = value;
                }
                break;
            case ParamDecl p:
                BindType(p.Type, scope, null);
                if (p.Init is not null)
                {
                    BindExpression(p.Init, scope);
                }
                Declare(p.Name, SymbolRole.Param, scope);
                break;
            case LetStmt l:
                BindExpression(l.Value, scope);
                Declare(l.Name, SymbolRole.Let, scope);
                break;
            case SampleStmt s:
                BindDistribution(s.Distribution, scope);
                foreach (var index in s.Target.Indices)
                {
                    BindExpression(index, scope);
                }
                if (s.Type is not null)
                {
                    BindType(s.Type, scope, null);
                }
                BindTarget(s.Target, scope);
                break;
            case PlateStmt p:
                BindSize(p.Size, scope, null, 0);
                if (p.Batch is not null)
                {
                    BindSize(p.Batch, scope, null, 0);
                }
                var plateScope = new Scope(scope, isPlate: true);
                Declare(p.Index, SymbolRole.PlateIndex, plateScope);
                foreach (var inner in p.Body)
                {
                    BindStatement(inner, plateScope);
                }
                break;
            case NetDecl n:
                foreach (var layer in n.Layers)
                {
                    BindSize(layer, scope, null, 0);
                }
                if (n.Dropout is not null)
                {
                    BindExpression(n.Dropout, scope);
                }
                if (n.Prior is not null)
                {
                    BindDistribution(n.Prior, scope);
                }
                Declare(n.Name, SymbolRole.Net, scope);
                break;
            case GuideBlock g:
                _diagnostics.Error(CompilerDiagnostics.InvalidGuide, "a guide block belongs at the top level of the model", g.Span);
                break;
            default:
                throw new InvalidOperationException($"internal error: unknown statement {statement.GetType().Name}");
        }
    }

    private void Declare(Identifier name, SymbolRole role, Scope scope)
    {
        var existing = scope.Lookup(name.Text);
        var size = _sizes.FirstOrDefault(s => s.Name == name.Text && s.FromData is not null);
        if (existing is not null)
        {
            _diagnostics.Error(CompilerDiagnostics.DuplicateName,
                $"'{name.Text}' is already declared as {existing.Describe()} at {Position(existing.Span)}", name.Span,
                "give each variable its own name");
            return;
        }
        if (size is not null)
        {
            _diagnostics.Error(CompilerDiagnostics.DuplicateName,
                $"'{name.Text}' is already a size, bound by the shape of '{size.FromData}' at {Position(size.Span)}", name.Span,
                "give each size and variable its own name");
            return;
        }
        var target = role == SymbolRole.PlateIndex ? scope : scope.DeclarationScope;
        var symbol = new Symbol(name.Text, role, name.Span, _inGuide);
        target.Add(symbol);
        _references[name.Span] = symbol;
    }

    private void BindTarget(SampleTarget target, Scope scope)
    {
        var name = target.Name.Text;
        var existing = scope.Lookup(name);
        if (_inGuide)
        {
            switch (existing)
            {
                case { Role: SymbolRole.Random, InGuide: false }:
                    var own = new Symbol(name, SymbolRole.Random, target.Name.Span, InGuide: true);
                    scope.DeclarationScope.Add(own);
                    _references[target.Name.Span] = own;
                    break;
                case { Role: SymbolRole.Data, InGuide: false }:
                    _diagnostics.Error(CompilerDiagnostics.InvalidGuide,
                        $"'{name}' is observed data; a guide draws only the model's latents", target.Name.Span);
                    break;
                case { InGuide: true }:
                    _diagnostics.Error(CompilerDiagnostics.DuplicateName,
                        $"'{name}' is already declared in the guide at {Position(existing.Span)}", target.Name.Span);
                    break;
                case null:
                    var latents = _model.VisibleNames().Where(n => _model.Lookup(n)?.Role == SymbolRole.Random);
                    _diagnostics.Error(CompilerDiagnostics.InvalidGuide,
                        $"the guide draws '{name}', which is not a latent of the model{Suggestions.DidYouMean(name, latents)}",
                        target.Name.Span, "a guide has one '~' for each model latent it covers, with the same name");
                    break;
                default:
                    _diagnostics.Error(CompilerDiagnostics.InvalidGuide,
                        $"the guide draws '{name}', but '{name}' is {existing.Describe()} of the model, not a latent", target.Name.Span);
                    break;
            }
            return;
        }
        if (existing is { Role: SymbolRole.Data })
        {
            if (!_observed.Add(name))
            {
                _diagnostics.Error(CompilerDiagnostics.ObservedTwice, $"data '{name}' is observed twice", target.Name.Span,
                    "each data variable has one '~' statement");
                return;
            }
            _references[target.Name.Span] = existing;
            return;
        }
        Declare(target.Name, SymbolRole.Random, scope);
    }

    private void BindExpression(Expr expression, Scope scope)
    {
        switch (expression)
        {
            case NameRef r:
                Resolve(r, scope);
                break;
            case ArrayLit a:
                foreach (var element in a.Elements)
                {
                    BindExpression(element, scope);
                }
                break;
            case UnaryExpr u:
                BindExpression(u.Operand, scope);
                break;
            case BinaryExpr b:
                BindExpression(b.Left, scope);
                BindExpression(b.Right, scope);
                break;
            case IndexExpr i:
                BindExpression(i.Target, scope);
                foreach (var index in i.Indices)
                {
                    BindIndex(index, scope);
                }
                break;
            case CallExpr c:
                BindCall(c, scope);
                break;
            default:
                break;
        }
    }

    private void BindIndex(IndexArg index, Scope scope)
    {
        switch (index)
        {
            case PointIndex p:
                BindExpression(p.Index, scope);
                break;
            case SliceIndex s:
                if (s.Lower is not null)
                {
                    BindExpression(s.Lower, scope);
                }
                if (s.Upper is not null)
                {
                    BindExpression(s.Upper, scope);
                }
                break;
            default:
                break;
        }
    }

    private void Resolve(NameRef name, Scope scope)
    {
        if (scope.Lookup(name.Name) is { } symbol)
        {
            if (_inGuide && !symbol.InGuide && symbol.Role is SymbolRole.Random or SymbolRole.Let)
            {
                _diagnostics.Error(CompilerDiagnostics.InvalidGuide,
                    $"the guide cannot read the model's {(symbol.Role == SymbolRole.Let ? "let" : "latent")} '{name.Name}'", name.Span,
                    "a guide may read data, consts, sizes and its own params, nets and draws");
                return;
            }
            _references[name.Span] = symbol;
            return;
        }
        if (_sizes.Find(s => s.Name == name.Name) is not null)
        {
            _references[name.Span] = new Symbol(name.Name, SymbolRole.Size, name.Span);
            return;
        }
        if (_laterDeclarations.TryGetValue(name.Name, out var later) && !_inGuide)
        {
            if (later.Role == SymbolRole.PlateIndex)
            {
                _diagnostics.Error(CompilerDiagnostics.UnknownName,
                    $"'{name.Name}' is the index of the plate at {Position(later.Span)} and is visible only inside it", name.Span);
            }
            else
            {
                _diagnostics.Error(CompilerDiagnostics.UsedBeforeDefinition,
                    $"'{name.Name}' is used before it is defined at {Position(later.Span)}", name.Span,
                    "define a name above the statements that use it");
            }
            return;
        }
        var candidates = scope.VisibleNames().Concat(_sizes.Select(s => s.Name));
        _diagnostics.Error(CompilerDiagnostics.UnknownName,
            $"unknown name '{name.Name}'{Suggestions.DidYouMean(name.Name, candidates)}", name.Span);
    }

    private void BindCall(CallExpr call, Scope scope)
    {
        var name = call.Callee.Text;
        var symbol = scope.Lookup(name);
        if (symbol is { Role: SymbolRole.Net })
        {
            _references[call.Callee.Span] = symbol;
        }
        else if (!BuiltinFunctions.Contains(name))
        {
            if (_facts.Find(name) is not null)
            {
                _diagnostics.Error(CompilerDiagnostics.MisusedName,
                    $"'{name}' is a distribution; it can only follow '~' (or be a Mixture component or a net's prior)", call.Callee.Span);
            }
            else if (symbol is not null)
            {
                _diagnostics.Error(CompilerDiagnostics.MisusedName, $"'{name}' is {symbol.Describe()}, not a function", call.Callee.Span);
            }
            else
            {
                var nets = scope.VisibleNames().Where(n => scope.Lookup(n)?.Role == SymbolRole.Net);
                _diagnostics.Error(CompilerDiagnostics.UnknownFunction,
                    $"unknown function '{name}'{Suggestions.DidYouMean(name, BuiltinFunctions.All.Concat(nets))}", call.Callee.Span);
            }
        }
        BindArguments(call, scope);
    }

    private void BindArguments(CallExpr call, Scope scope)
    {
        foreach (var argument in call.Arguments)
        {
            BindExpression(argument, scope);
        }
        foreach (var named in call.NamedArguments)
        {
            BindExpression(named.Value, scope);
        }
    }

    private void BindDistribution(CallExpr call, Scope scope)
    {
        var name = call.Callee.Text;
        var facts = _facts.Find(name);
        if (facts is null)
        {
            var what = BuiltinFunctions.Contains(name) || scope.Lookup(name) is { Role: SymbolRole.Net }
                ? $"'{name}' is a function, not a distribution"
                : $"unknown distribution '{name}'{Suggestions.DidYouMean(name, _facts.Names)}";
            _diagnostics.Error(CompilerDiagnostics.UnknownDistribution, what, call.Callee.Span);
        }
        if (facts is { IsVariadic: true })
        {
            for (var i = 0; i < call.Arguments.Count; i++)
            {
                if (i >= facts.Arity() && call.Arguments[i] is CallExpr component)
                {
                    BindDistribution(component, scope);
                }
                else
                {
                    BindExpression(call.Arguments[i], scope);
                }
            }
            foreach (var named in call.NamedArguments)
            {
                BindExpression(named.Value, scope);
            }
            return;
        }
        BindArguments(call, scope);
    }
}
