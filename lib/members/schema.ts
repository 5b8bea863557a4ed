import { z } from "zod";
import { ROLES } from "@/lib/members/roles";

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, editor or viewer" });
const idSchema = z.string().min(1).max(64);

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter an email").max(254).email("Enter a valid email"),
  role: roleSchema,
});
export const changeRoleSchema = z.object({ membershipId: idSchema, role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: idSchema });
export const revokeInvitationSchema = z.object({ invitationId: idSchema });

/** bcrypt reads at most this many bytes of a password: a longer one would be cut without a word. */
export const MAX_PASSWORD_BYTES = 72;

/** A password being set: at least 8 characters and at most 72 bytes (an accented letter or emoji takes several). */
export const newPasswordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .refine(
    (p) => new TextEncoder().encode(p).length <= MAX_PASSWORD_BYTES,
    `Use at most ${MAX_PASSWORD_BYTES} bytes (about 72 letters; accented letters and emoji count for more)`,
  );

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(100),
  name: z.string().trim().max(100).optional(),
  password: newPasswordSchema,
});
