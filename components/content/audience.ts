/** Whom the preview decides for: a real profile, or a visitor made up in the panel. */
export type VisitorDraft = {
  firstName: string;
  country: string;
  device: string;
  path: string;
  traits: { key: string; value: string }[];
};
export type PickedProfile = { id: string; label: string };

export const EMPTY_VISITOR: VisitorDraft = { firstName: "", country: "", device: "", path: "", traits: [] };

type Trait = string | number | boolean;
export type AudienceInput =
  | { kind: "profile"; profileId: string }
  | { kind: "visitor"; traits: Record<string, Trait>; context: { country?: string; device?: string; path?: string } };

/** A typed value as the trait it most likely is: "3" a number, "true" a boolean, anything else a string. */
function traitValue(raw: string): Trait {
  const text = raw.trim();
  if (text === "true" || text === "false") return text === "true";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return raw;
}

/**
 * The preview's `as` input. The visitor's country is both the visit's country
 * (context conditions, `{{ context.country }}`) and their country trait, as a
 * storefront would send it; a trait row of the same name wins.
 */
export function visitorInput(v: VisitorDraft): AudienceInput {
  const country = v.country.trim().toUpperCase() || undefined;
  const traits: Record<string, Trait> = {};
  if (v.firstName.trim()) traits.first_name = v.firstName.trim();
  if (country) traits.country = country;
  for (const row of v.traits) if (row.key.trim()) traits[row.key.trim()] = traitValue(row.value);
  return {
    kind: "visitor",
    traits,
    context: { country, device: v.device || undefined, path: v.path.trim() || undefined },
  };
}
