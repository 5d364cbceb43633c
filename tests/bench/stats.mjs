// Small statistics for the benchmark: medians and nearest-rank percentiles of millisecond samples.

// The p-th percentile (0..1) by nearest rank: a value that was measured, never an interpolation.
export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export const median = (samples) => percentile(samples, 0.5);

// {p50, p95, max, n} of a list of samples (ms).
export function summary(samples) {
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: percentile(samples, 1), n: samples.length };
}
