// Types of what eslint.config.mjs exports for scripts/test/layers.test.ts.
export declare const PLATFORM: string[];
export declare const DOMAIN_LAYERS: string[];
export declare const LAYER_RULES: Record<string, { group: string[]; message: string; allowTypeImports?: boolean }[]>;
declare const config: unknown[];
export default config;
