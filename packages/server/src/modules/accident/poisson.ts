/** log Γ(x) by the Lanczos approximation (g = 7), accurate to ~1e-13 for x > 0. */
export function lgamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * P(X ≥ k) for X ~ Poisson(λ): the chance of seeing k or more events when λ are expected.
 *
 * Each term comes from the log of the probability of its edge (exp(−λ) alone underflows to 0 once λ passes
 * ~745, a county-wide month at a province's scale), and the smaller tail is summed from its edge outwards,
 * where the terms shrink, until they no longer change the sum: tiny p-values keep their digits (1 − P(X < k)
 * would round them to 0) and the work is a few thousand terms at most, whatever k and λ.
 */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  const logPmf = (i: number) => -lambda + i * Math.log(lambda) - lgamma(i + 1);
  if (k > lambda) {
    // The upper tail itself: terms fall from k upwards.
    let term = Math.exp(logPmf(k));
    let sum = term;
    for (let i = k + 1; term > sum * 1e-17; i++) {
      term *= lambda / i;
      sum += term;
    }
    return Math.min(1, sum);
  }
  // k ≤ λ: one minus the lower tail P(X ≤ k − 1), whose terms fall from k − 1 downwards.
  let term = Math.exp(logPmf(k - 1));
  let sum = term;
  for (let i = k - 1; i > 0 && term > sum * 1e-17; i--) {
    term *= i / lambda;
    sum += term;
  }
  return Math.min(1, Math.max(0, 1 - sum));
}
