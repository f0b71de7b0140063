/** P(X ≥ k) for X ~ Poisson(λ): the chance of seeing k or more events when λ are expected. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // 1 − P(X ≤ k − 1), summing the pmf in log space so large k or λ do not overflow.
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.min(1, Math.max(0, 1 - below));
}
