using Ppl.Compiler.Ir;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

internal sealed partial class SviProgram
{
    /// <summary>
    /// A replicated draw y_rep ~ p(y | θ) of an observed node, given the guide draw θ of the last pass
    /// (its distribution's arguments as that pass left them): the posterior predictive at the
    /// observed inputs (Gelman et al. 2013, BDA3 §6.3). Scalar families (Normal, Bernoulli, Poisson, …) and Categorical.
    /// </summary>
    /// <param name="observed">An observed node.</param>
    /// <param name="random">The random stream.</param>
    public Tensor DrawReplicate(RandomNode observed, RandomSource random) => DrawFromModel(observed, random);

    /// <summary>The model's observed nodes.</summary>
    public IEnumerable<RandomNode> Observed => _model.Nodes.OfType<RandomNode>().Where(r => r.IsObserved);

    /// <summary>The data tensor bound to <paramref name="name"/> (an observed node's values).</summary>
    public Tensor DataTensor(string name) => _data[name];
}
