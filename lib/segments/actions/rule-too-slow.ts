/** What a marketer reads when counting their rule ran past its statement timeout. */
export const RULE_TOO_SLOW =
  "This rule takes too long to count on this workspace's data: narrow it (fewer conditions, shorter windows)";
