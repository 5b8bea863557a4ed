/** The slug of the demo workspace that the seeder creates and the demo storefront writes to. */
export const DEMO_SLUG = "demo";
