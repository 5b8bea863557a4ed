/** A string trait, or "" when it is missing or not a string. */
export function stringTrait(traits: Record<string, unknown>, key: string): string {
  const value = traits[key];
  return typeof value === "string" ? value.trim() : "";
}

/** Traits as an object, whatever the JSON column holds (older rows, imports). */
export function asTraits(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Who a profile is, for a title or a link: the name, else the email, else null (anonymous). */
export function profileDisplayName(traits: Record<string, unknown>): string | null {
  const name =
    [stringTrait(traits, "first_name"), stringTrait(traits, "last_name")].filter(Boolean).join(" ") ||
    stringTrait(traits, "name");
  return name || stringTrait(traits, "email") || null;
}
