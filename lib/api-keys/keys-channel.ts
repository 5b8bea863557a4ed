/** The Postgres channel on which a change to keys (revocation, allowed origins) reaches every process. */
export const KEYS_CHANNEL = "personalize_keys";
