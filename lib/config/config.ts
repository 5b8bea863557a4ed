import { CONFIG_VARIABLES, envSchema, SECRET_VARIABLES, type Config, type ConfigVariable } from "./schema";

export type { Config } from "./schema";

/** Invalid environment variables: one line each ("VISITOR_CACHE_SIZE must be a whole number ≥ 1, got "abc""). */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]
        : `${problems.length} environment variables are invalid:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** The value as an error message may show it: secrets are not repeated, a database URL loses its password. */
function shown(variable: ConfigVariable, value: string | undefined): string {
  if (value === undefined) return "nothing";
  if (SECRET_VARIABLES.has(variable)) return `${value.length} characters (not shown)`;
  if (variable === "DATABASE_URL") return JSON.stringify(value.replace(/(\/\/[^:/@]*:)[^@]*@/, "$1***@"));
  return JSON.stringify(value);
}

/**
 * The configuration that `env` gives (pure: no process.env, no memo).
 * Throws a ConfigError that lists every invalid variable, its rule and its value.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const given = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name]]));
  const result = envSchema.safeParse(given);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const variable = issue.path[0] as ConfigVariable;
      return `${variable} must be ${issue.message}, got ${shown(variable, env[variable])}`;
    }),
  );
}

let memo: { key: string; config: Config } | null = null;

/**
 * This process's configuration, from process.env. Parsed once: again only
 * if one of its variables changed since (a test or a script may set
 * DATABASE_URL after its imports, before the first query), which costs a
 * read of each variable; no hot path calls this per request.
 */
export function config(): Config {
  const key = CONFIG_VARIABLES.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (memo?.key !== key) memo = { key, config: parseConfig(process.env) };
  return memo.config;
}

/**
 * For an entry point, before it loads anything that reads the configuration:
 * the configuration, or, when a variable is invalid, each one printed as
 * `[label] VISITOR_CACHE_SIZE must be …` and the process ends (exit code 2).
 */
export function configOrExit(label: string): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(`[${label}] ${problem}`);
    process.exit(2);
  }
}
