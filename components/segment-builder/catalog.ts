/** A value type the builder knows how to compare (the `valueType` of a comparison). */
export type CatalogValueType = "string" | "number" | "boolean" | "date";

/**
 * What the workspace's data holds, for the builder's field pickers: known
 * trait keys and event names with their types and a few example values.
 * Keys not listed can still be typed in.
 */
export type SegmentCatalog = {
  traits: { key: string; type: CatalogValueType; examples: string[] }[];
  events: { name: string; properties: { key: string; type: CatalogValueType; examples: string[] }[] }[];
};
