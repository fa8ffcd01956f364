// Formulas of Yun et al. (2021) reconstructed from the damaged OCR text (seed 003), with what we
// concluded and how it was checked. The lead renders this list in the report's errata section.
export const reconstructions: { id: string; formula: string; status: string }[] = [
  { id: 'YUN-E5', formula: 'residual (7): r_i = f(x_i;Θ) − y_i (squared loss), r_i = −y_i exp(−y_i f(x_i;Θ)) (exponential loss)', status: 'reconstructed from App. E/G/H (line 226 garbled); verified by finite differences (YUN-E5)' },
  { id: 'YUN-E2', formula: '[M_conv(x)]_{j_1…j_L} = x_{(Σ_l j_l − L + 1) mod d}, 1-based a mod d = a − ⌊(a−1)/d⌋d', status: 'reconstructed ("(pL=i jι-L+1) mod d", "a 一 [a-1 Cd"); verified against the architecture (YUN-E2)' },
  { id: 'YUN-A2', formula: 'full-length conv: U_l = F*, S = d^{(L−1)/2} F (not √d F unless L = 2)', status: 'reconstructed ("S = d--^ F", line 1067 lost the /2); verified numerically for d ≤ 6, L ≤ 4 (YUN-A2)' },
  { id: 'YUN-T5', formula: 'Q_{L,α,η̄}(ρ) = α² Σ_j η̄_j² H_L(ρ_j/(α^L|η̄_j|^L)), H_L(u) = ∫_0^u h_L^{-1}(τ)dτ; condition η̄_j² ≥ λ', status: 'reconstructed from the gradient in the proof (64)–(65); GF matches the independent dual-Newton minimiser to ≤ 1e-7 (YUN-T5, C5)' },
  { id: 'YUN-R4', formula: 'α→0: argmin Σ_j |ρ_j|/|η̄_j|^{L−2}; α→∞: argmin Σ_j ρ_j²/|η̄_j|^{2L−2}', status: 'exponents garbled ("WF-2", "WL-2"); reconstructed and confirmed as sequences in α (YUN-R4)' },
  { id: 'YUN-C6', formula: 'argmin_z α² Σ_j [Fw̄]_j² H_L(|[Fz]_j|/(d^{(L−1)/2} α^L |[Fw̄]_j|^L)) s.t. Xz = y', status: 'erratum: the printed Q_{L,α,Fw̄}(Fz) lacks d^{(L−1)/2}; derived from F.4 (S = d^{(L−1)/2}Re F); GF confirms the corrected form and refutes the printed one (YUN-C6, YUN-C6-LITERAL)' },
  { id: 'YUN-T2R', formula: 'L(t) ≤ L(0)/(1 + α^{2L−2}λ^{L−1}s_min(S)²γ²L(0)t)', status: 'erratum: the OCR’d bound lacks L(0) in the denominator; counterexample d = 1, v̄ = (3, 0.3) (YUN-T2R-LITERAL refuted)' },
  { id: 'YUN-T3R', formula: 'L(t) ≤ L(0)/(1 + α²λ‖s‖²L(0)t)', status: 'erratum, same integration slip as YUN-T2R (YUN-T3R-LITERAL refuted)' },
  { id: 'YUN-T6', formula: 'ν* = g^{-1}(y/α²), g(ν) = Σ_j s_j((a_j²+b_j²)/2 · sinh(2s_jν) + a_jb_j cosh(2s_jν))', status: 'OCR "g-1 (奈)" read as g^{-1}(y/α²), confirmed by α²g(ν*) = y (74) and by GF to ≤ 1e-7 (YUN-T6)' },
  { id: 'YUN-T2', formula: 'condition |[U_lᵀv̄_l]_j|² − |[U_Lᵀv̄_L]_j|² ≥ λ (layer l minus layer L); ℓ_{2/L} ("\'2〃")', status: 'order of terms fixed by (21); checked at L = 2 only' },
  { id: 'YUN-R1', formula: '(iii): |[U_lᵀv̄_l]_j|² − |[U_1ᵀv̄_1]_j|² ≥ λ for l = 2..L', status: 'order of the two terms unreadable; fixed by the remark’s logic (layer 1 small); the loss bound holds with roles swapped (YUN-R1) [U]' },
  { id: 'YUN-C4b', formula: '(([w̄_1]_1 ± [w̄_1]_2)²)/2 − ((x ± x←)ᵀw̄_2)²/(2(‖x‖² ± xᵀx←)) ≥ λ', status: 'whether the printed condition carries the ½ factors is unclear; immaterial (rescales λ) [U]' },
  { id: 'YUN-T7P', formula: 'proof step A ⪰ B ⪰ 0 ⇒ A² ⪰ B² is false; (82) still holds via σ_min(W_l) ≥ σ_min(W_{l+1}) and σ_min(W_{L−1})² ≥ α²λ', status: 'proof erratum (YUN-T7P-LITERAL refuted; YUN-T7P holds)' },
  { id: 'YUN-T7R', formula: 'dL/dt ≤ −2α^{2L−2}λ^{L−1}σ_min(X)²L (factor 2 from ‖r‖² = 2L)', status: 'minor: the paper drops the 2; its bound is weaker but true (both checked)' },
  { id: 'YUN-T7G', formula: '(91)/(92): constants in G_l', status: 'garbled; only (85) is asserted [U]' },
  { id: 'YUN-L4', formula: 'p′ = p^{L−2}q, q′ = p^{L−1}, h_L = p^{L−1}q; derived: p² − q² = 1, blow-up time c_L = √π Γ((L−2)/2)/(2Γ((L−1)/2))', status: 'derived (not in the paper), verified numerically (YUN-L4, L4X)' },
  { id: 'YUN-C7', formula: 'deep matrix sensing loss: ½Σ(y_i − ⟨A_i, W_1⋯W_L⟩)²', status: 'printed without ½ but the gradient in F.5 uses ½; a time rescaling, immaterial for limits' },
];
