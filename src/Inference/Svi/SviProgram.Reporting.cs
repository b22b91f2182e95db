namespace Ppl.Inference.Svi;

internal sealed partial class SviProgram
{
    /// <summary>The automatic guide's sites (loc and ρ of each latent it covers).</summary>
    public IEnumerable<AutoSite> AutoGuide => _auto.Values;
}
