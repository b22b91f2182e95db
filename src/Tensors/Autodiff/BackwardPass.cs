namespace Ppl.Tensors.Autodiff;

/// <summary>
/// Reverse-mode sweep over the graph implied by tensors' creators: an iterative depth-first
/// topological sort from the root, then each op's backward in reverse order. Only tensors that
/// require grad are visited, so gradients nobody needs are never computed.
/// </summary>
internal static class BackwardPass
{
    private static int _epoch;

    // Per-thread reusable work lists: a cache (cleared after each pass), so a steady-state training
    // step allocates nothing here.
    [ThreadStatic]
    private static List<Tensor>? _order;

    [ThreadStatic]
    private static Stack<(Tensor Node, int Next)>? _stack;

    internal static void Run(Tensor root, Tensor? seed)
    {
        if (!root.RequiresGrad)
        {
            throw new InvalidOperationException("Backward() on a tensor that does not require grad");
        }
        var order = _order ??= [];
        var stack = _stack ??= new Stack<(Tensor, int)>();
        order.Clear();
        var mark = Interlocked.Increment(ref _epoch);
        try
        {
            TopologicalSort(root, mark, order, stack);
            Seed(root, seed);
            for (var i = order.Count - 1; i >= 0; i--)
            {
                var node = order[i];
                if (node.Creator is { } op && node.HasGrad)
                {
                    op.Backward(node, node.Grad!);
                    node.ReleaseGrad();
                }
            }
        }
        finally
        {
            order.Clear();
            stack.Clear();
        }
    }

    private static void TopologicalSort(Tensor root, int mark, List<Tensor> order, Stack<(Tensor Node, int Next)> stack)
    {
        root.VisitMark = mark;
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var inputs = node.Creator is { } creator ? creator.Inputs : default;
            if (next < inputs.Length)
            {
                stack.Push((node, next + 1));
                var child = inputs[next];
                if (child.RequiresGrad && child.VisitMark != mark)
                {
                    child.VisitMark = mark;
                    stack.Push((child, 0));
                }
            }
            else
            {
                order.Add(node);
            }
        }
    }

    private static void Seed(Tensor root, Tensor? seed)
    {
        if (root.DType == DType.Float32)
        {
            var g = root.GradSpan<float>();
            if (seed is null)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(g, 1f, g);
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.Add(g, seed.Span<float>(), g);
            }
        }
        else
        {
            var g = root.GradSpan<double>();
            if (seed is null)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(g, 1d, g);
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.Add(g, seed.Span<double>(), g);
            }
        }
    }
}
