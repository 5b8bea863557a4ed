import { randomBytes, randomUUID } from "node:crypto";

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A new profile id: `p` and 24 random base-36 characters (~124 bits, like a cuid). */
export function newProfileId(): string {
  let id = "p";
  for (const byte of randomBytes(24)) id += BASE36[byte % 36];
  return id;
}

/** The messageId given to a message that came without one (so it is stored once, but cannot be deduplicated on retry). */
export const newMessageId = () => `auto-${randomUUID()}`;
