using Ppl.Compiler.Ir;
using Ppl.Tensors;

namespace Ppl.Inference.Svi;

/// <summary>
/// Lets evaluated once per distinct position when the frame repeats a chunk of positions k times
/// (<see cref="PlateFrame.RepeatedPlate"/>): a let that depends on no draw of the pass — the
/// amortised guide's encoder net, enc(xₙ) — has k identical copies of each row, so it is evaluated
/// over the C distinct positions and its rows tiled k times, as PyTorch's IWAE evaluation runs the
/// encoder once per image and draws k latents from its output. Dropout off only (a mask differs
/// per row).
/// </summary>
internal sealed partial class SviProgram
{
    private readonly Dictionary<string, Tensor> _distinctRows = [];
    private readonly HashSet<string> _drawFree;

    /// <summary>
    /// The names whose value in a pass is a function of the data and params alone: data, consts,
    /// params, observed sites, nets without a prior, and lets that read only such names (in the
    /// pass's order, guide then model). Latents and nets with sampled weights are draws.
    /// </summary>
    private static HashSet<string> DrawFreeNames(ModelIr model)
    {
        var nodes = (model.Guide?.Nodes ?? []).Concat(model.Nodes).ToList();
        var draws = nodes.Where(n => n is RandomNode { IsObserved: false } or NetNode { Prior: not null }).Select(n => n.Name).ToHashSet();
        var free = nodes.Where(n => (n is DataNode or ConstNode or ParamNode or NetNode or RandomNode { IsObserved: true }) && !draws.Contains(n.Name))
            .Select(n => n.Name).ToHashSet();
        foreach (var let in nodes.OfType<LetNode>())
        {
            if (IrWalker.Dependencies(let).All(free.Contains))
            {
                free.Add(let.Name);
            }
        }
        return free;
    }

    /// <summary>The lets the last pass evaluated over distinct positions only.</summary>
    internal IEnumerable<string> LetsOnDistinctRows => _distinctRows.Keys;

    /// <summary>A let's value in this pass; over the distinct positions and tiled when the frame repeats its plate.</summary>
    private Tensor LetValue(LetNode let)
    {
        var frame = _ev.Frame;
        if (frame.RepeatedPlate is not { } plate || _ev.DropoutOn || let.Plates.IndexOf(plate) is var axis && axis < 0 || !_drawFree.Contains(let.Name))
        {
            return _ev.Evaluate(let.Value);
        }
        // The lets it reads are themselves draw-free: read at their distinct rows too.
        var tiled = IrWalker.Dependencies(let).Where(_distinctRows.ContainsKey).ToDictionary(d => d, d => _ev.Values[d]);
        foreach (var name in tiled.Keys)
        {
            _ev.Values[name] = _distinctRows[name];
        }
        _ev.Frame = frame.Distinct;
        Tensor rows;
        try
        {
            rows = _ev.Evaluate(let.Value);
        }
        finally
        {
            _ev.Frame = frame;
            foreach (var (name, value) in tiled)
            {
                _ev.Values[name] = value;
            }
        }
        _distinctRows[let.Name] = rows;
        return Tensor.Concat([.. Enumerable.Repeat(rows, frame.Repeats)], axis);
    }
}
