import { parseArgs } from "node:util";
import { config, ConfigError } from "@/lib/config/config";

/**
 * The start command's settings: flags, and the configuration (lib/config; PORT, DECIDE_PORT, DEMO_*). Throws
 * a ConfigError naming every invalid variable.
 */
export function startOptions(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      dev: { type: "boolean", default: false },
      "data-dir": { type: "string", default: ".data/postgres" },
      fresh: { type: "boolean", default: false },
    },
  });
  const env = config();
  // a decision server alone may take any free port (0); npm start must know the one it waits for
  if (env.DECIDE_PORT === 0) throw new ConfigError(['DECIDE_PORT must be a port from 1 to 65535, or "off", got "0"']);
  const taken = [
    ["PORT", env.PORT],
    ["DECIDE_PORT", env.DECIDE_PORT],
  ].filter(([, port]) => port === env.DEMO_STORE_PORT);
  if (taken.length > 0)
    throw new ConfigError([
      `DEMO_STORE_PORT must differ from ${taken.map(([name]) => name).join(" and ")}: the storefront has its own origin, got "${env.DEMO_STORE_PORT}"`,
    ]);
  return {
    dev: values.dev ?? false,
    dataDir: values["data-dir"] ?? ".data/postgres",
    fresh: values.fresh ?? false,
    ...env,
  };
}

export type StartOptions = ReturnType<typeof startOptions>;
