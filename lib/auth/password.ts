import bcrypt from "bcryptjs";

/** bcrypt cost: ~100 ms per hash on this hardware, the usual interactive budget. */
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
