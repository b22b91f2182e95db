namespace Ppl.Inference.Svi;

internal sealed partial class SviProgram
{
    /// <summary>The automatic guide's sites (loc and ρ of each latent it covers).</summary>
    public IEnumerable<AutoSite> AutoGuide => _auto.Values;

    /// <summary>
    /// True (the default) to use −KL(q ‖ p) in closed form where prior and guide are both Normal;
    /// false to evaluate log p(z) − log q(z) at the draw, as importance weights need.
    /// </summary>
    public bool AnalyticKl { get; set; } = true;

    /// <summary>True when the automatic guide is a point mass (MAP), which has no density to weight by.</summary>
    public bool IsDelta => _delta;

    /// <summary>
    /// Copies every trained tensor of <paramref name="trained"/> into this program (the same model
    /// compiled on other data), so that it evaluates under the fitted guide and params.
    /// </summary>
    public void CopyTrainedFrom(SviProgram trained)
    {
        if (trained._trainable.Count != _trainable.Count)
        {
            throw ExpressionEvaluator.Unsupported("held-out data: the trained guide does not fit the held-out program");
        }
        for (var i = 0; i < _trainable.Count; i++)
        {
            if (!trained._trainable[i].Shape.SequenceEqual(_trainable[i].Shape))
            {
                var local = _auto.Values.FirstOrDefault(a => ReferenceEquals(a.Loc, _trainable[i]) || ReferenceEquals(a.Rho, _trainable[i]));
                throw ExpressionEvaluator.Unsupported(local is null
                    ? "held-out data of another size for a trained tensor that depends on the data's size"
                    : $"held-out data for the local latent '{local.Node.Name}' (its guide is one free parameter per data point; amortise it with a guide {{ }} block)");
            }
            _trainable[i].CopyFrom(trained._trainable[i]);
        }
    }
}
