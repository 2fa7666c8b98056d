// The median the benchmarks report: of the numbers measured (a run that measured nothing,
// null or undefined, is left out), the middle one, or the mean of the middle two; null
// when nothing was measured.
export function median(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
