using Ppl.Language;

namespace Ppl.Compiler.Ir;

/// <summary>
/// A plate: conditionally independent copies, which every backend treats as one tensor axis.
/// Plates are identified by their index name, which is unique within a model; the guide's plates
/// refer to the model's by the same name.
/// </summary>
/// <param name="Index">The index variable, e.g. <c>n</c>.</param>
/// <param name="Size">The number of copies.</param>
/// <param name="Batch">The SVI minibatch size, or null for the whole plate.</param>
/// <param name="IsImplicit">True when lowering made this plate from a whole-array <c>~</c>
/// (<c>y ~ Normal(X @ w, sd)</c>) rather than from a written <c>plate</c> block.</param>
/// <param name="Span">The plate block, or the statement that implied it.</param>
public sealed record Plate(string Index, Size Size, int? Batch, bool IsImplicit, SourceSpan Span);
