namespace Ppl.Bench.Sweeps;

/// <summary>
/// A family of cases that differ in one size (issue 11 item 3): <c>--sweep FAMILY</c> runs it at each
/// value and reports how the time grows — the exponent p of time ∝ size^p between neighbouring points
/// and by least squares over all of them. gmm-em and blr plug in with N over 10³…10⁶; gemm with n.
/// </summary>
internal interface ISweepable
{
    /// <summary>The family name the selector matches, e.g. <c>gemm-f32</c>, <c>gmm-em</c>.</summary>
    string Family { get; }

    /// <summary>What is varied, e.g. <c>n</c> (matrix size) or <c>N</c> (data points).</summary>
    string Parameter { get; }

    /// <summary>The values run when none are given on the command line.</summary>
    IReadOnlyList<long> DefaultValues { get; }

    /// <summary>The case at one value; its <see cref="IBenchmarkCase.Name"/> names the value (<c>gemm-1024-f32</c>).</summary>
    IBenchmarkCase At(long value);
}

/// <summary>Where a case sits in a sweep: its family, the varied parameter and its value.</summary>
internal readonly record struct SweepPoint(string Family, string Parameter, long Value);
