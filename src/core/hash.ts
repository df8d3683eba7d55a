/** FNV-1a 64-bit-ish content hash (two 32-bit lanes) as hex: fast, dependency-free, for cache keys only. */
export function contentHash(...parts: Array<string | undefined>): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const part of parts) {
    const s = part ?? '\u0000';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 0xff, 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0') + s32(parts);
}

function s32(parts: Array<string | undefined>): string {
  let n = 0;
  for (const p of parts) n += (p ?? '').length;
  return n.toString(16);
}
