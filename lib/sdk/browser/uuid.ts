/** A random UUID v4; crypto.randomUUID only exists in secure contexts, getRandomValues not in every old browser. */
export function uuid(): string {
  const c: Partial<Crypto> | undefined = window.crypto;
  if (c && c.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && c.getRandomValues) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.random() * 256;
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  let h = "";
  for (let i = 0; i < 16; i++) h += (b[i]! + 256).toString(16).slice(1);
  return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
}
