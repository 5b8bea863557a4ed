import { storedIdentityValue, type IdentityType } from "@/lib/identity/normalize";
import { stringTrait } from "./display";

/** An identity as the profile page shows it; hashed values are never reversed. */
export type IdentityView = {
  id: string;
  type: IdentityType;
  label: string;
  value: string;
  hashed: boolean;
  plain: string | null;
  createdAt: Date;
};

const HASHED: Record<IdentityType, boolean> = { anonymous_id: false, user_id: false, email: true, phone: true };
const LABELS: Record<IdentityType, string> = {
  anonymous_id: "anonymous id",
  user_id: "user id",
  email: "email (hashed)",
  phone: "phone (hashed)",
};

/**
 * Email and phone identities show the first 8 hex characters of their hash,
 * and the profile's `email` / `phone` trait only when that trait hashes (with
 * the workspace's salt) to this very identity: a plain value is shown next to
 * a hash only when it is provably the same.
 */
export function describeIdentities(
  identities: { id: string; type: IdentityType; value: string; createdAt: Date }[],
  traits: Record<string, unknown>,
  salt: string,
): IdentityView[] {
  return identities.map(({ id, type, value, createdAt }) => {
    if (!HASHED[type]) return { id, type, label: LABELS[type], value, hashed: false, plain: null, createdAt };
    const trait = stringTrait(traits, type);
    const plain = trait && storedIdentityValue(type, trait, salt) === value ? trait : null;
    return { id, type, label: LABELS[type], value: `${value.slice(0, 8)}…`, hashed: true, plain, createdAt };
  });
}
