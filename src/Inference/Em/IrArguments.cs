using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;

namespace Ppl.Inference.Em;

/// <summary>Reads the shapes of distribution arguments the EM backend understands, generically from the IR.</summary>
internal static class IrArguments
{
    /// <summary>The param selected per component, <c>theta[z[n]]</c> with z the indicator; null for any other expression.</summary>
    public static string? ComponentParam(IrExpr argument, string indicator) =>
        argument is IrGather { Target: IrRef { Kind: SymbolKind.Param } target } gather && RefersTo(gather.Index, indicator)
            ? target.Name
            : null;

    /// <summary>A param read whole (<c>sigma2</c>, <c>weights</c>); null otherwise.</summary>
    public static string? Param(IrExpr argument) =>
        argument is IrRef { Kind: SymbolKind.Param } reference ? reference.Name : null;

    /// <summary>True when <paramref name="expression"/> reads the node <paramref name="name"/> (possibly through its plate index).</summary>
    public static bool RefersTo(IrExpr expression, string name) => expression switch
    {
        IrRef reference => reference.Name == name,
        IrPlateIndex index => RefersTo(index.Target, name),
        _ => false,
    };

    /// <summary>The concrete dimensions of <paramref name="shape"/>: literal sizes, sizes bound from the data, and <c>const</c> sizes.</summary>
    public static int[] Dimensions(ModelIr model, BoundData data, Shape shape) =>
        [.. shape.Dims.Select(size => data.Sizes.Resolve(size)
            ?? model.Sizes.FirstOrDefault(s => s.Name == size.Name)?.Value
            ?? throw new InvalidOperationException($"internal error: size {size} is unbound"))];
}
