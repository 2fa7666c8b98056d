// A synthetic, longer meeting: the seed's proceedings repeated N times, as if the same
// meeting had gone on N times as long. Text is unchanged (so queries hit N times as often);
// only the ids are renumbered, because ids are permalinks and the app keys its view on them.

/**
 * The minutes with their sections repeated `times` times. Copy k's section n becomes
 * section k·S + n (S = the seed's section count), and every id under it that starts with
 * `sec-n` is rewritten to the new number, so the ids keep the converter's format.
 */
export function scaleMinutes(minutes, times) {
  const count = minutes.sections.length;
  const sections = [];
  for (let k = 0; k < times; k++) {
    for (const section of minutes.sections) {
      const number = k * count + section.number;
      const from = `sec-${section.number}`;
      const to = `sec-${number}`;
      const copy = renumber(structuredClone(section), from, to);
      copy.number = number;
      sections.push(copy);
    }
  }
  return { ...minutes, sections };
}

// Rewrite every `id` field (at any depth) that is `from` or starts with `from-`.
function renumber(node, from, to) {
  if (Array.isArray(node)) return node.map((n) => renumber(n, from, to));
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'id' && typeof value === 'string' && (value === from || value.startsWith(`${from}-`))) {
        node[key] = to + value.slice(from.length);
      } else {
        node[key] = renumber(value, from, to);
      }
    }
  }
  return node;
}
