namespace Ppl.Inference.Vmp.Gmm;

/// <summary>
/// The constants of log ρ_nk = offset_k − ½‖A_k x_n − s_k‖² for every component (Bishop 2006, eq. 10.46 with
/// E[Λ_k]⁻¹ = L_kL_kᵀ, A_k = L_k⁻¹, s_k = A_k m_k), and the means m_k the statistics are centred on.
/// </summary>
/// <param name="LowerInverse">A_k, K lower-triangular D×D blocks, row-major.</param>
/// <param name="Shift">s_k = A_k m_k (K×D).</param>
/// <param name="Offset">offset_k (K).</param>
/// <param name="Means">m_k (K×D).</param>
internal sealed record ComponentTerms(double[] LowerInverse, double[] Shift, double[] Offset, double[] Means);
