import bcrypt from "bcryptjs";

/** bcrypt cost: ~100 ms per hash on this hardware, the usual interactive budget. */
const COST = 11;

/** bcrypt ignores what follows its first 72 bytes: such a password is refused rather than silently cut. */
const MAX_BYTES = 72;

export function hashPassword(password: string): Promise<string> {
  if (Buffer.byteLength(password, "utf8") > MAX_BYTES)
    return Promise.reject(new Error(`A password may be at most ${MAX_BYTES} bytes`));
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
