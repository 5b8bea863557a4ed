import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers of lib/ (see README.md, "Architecture"): every folder of lib/ is a domain, except these platform
 * folders, which serve all domains (the action client, the API wrappers, auth, the database connection, jobs,
 * the browser SDK, generated code).
 */
export const PLATFORM = ["actions", "api", "auth", "db", "jobs", "sdk", "generated", "config"];
/** The folders of a domain that are not its core. */
export const DOMAIN_LAYERS = ["db", "actions", "runtime"];

const domainPaths = (layer) => `lib/!(${PLATFORM.join("|")})/${layer}/**/*.{ts,tsx}`;
const tests = ["**/*.test.ts", "**/*.test.tsx"];

const framework = [
  { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "only actions/, runtime/ and app/ use Next.js." },
  { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "only components/ and app/ use React." },
];
const database = {
  group: ["@prisma/*", "**/generated/prisma", "**/generated/prisma/**", "@/lib/db/*", "pg", "pg-copy-streams"],
  message: "a core does not touch the database: reads and writes go in the domain's db/.",
};
const io = {
  group: ["fs", "net", "http", "child_process", "node:fs", "node:fs/*", "node:net", "node:http", "node:child_process"],
  message: "a core does no I/O: plain data in, plain data out.",
};
const platform = {
  group: ["@/lib/actions/*", "@/lib/api/*", "@/lib/auth/*", "@/lib/jobs/*", "@/lib/config/*", "@/lib/signals/bus"],
  message: "a core does not depend on the platform (action client, API, auth, jobs, config, the signal bus).",
};
const layer = (name, who, where) => ({
  group: [`./${name}`, `./${name}/*`, `../${name}`, `../${name}/*`, `../../${name}/*`, `@/lib/*/${name}/*`],
  message: `${who} may not import ${where}.`,
});
const uiAndRoutes = {
  group: ["@/app/*", "@/components/*"],
  message: "lib/ does not depend on the route tree or the UI.",
};
const appFromComponents = {
  group: ["@/app/*"],
  message: "components do not import the route tree: actions come from @/lib/<domain>/actions.",
};
const serverOnlyFromComponents = {
  group: ["@/lib/*/db/*", "@/lib/*/runtime/*", "@/lib/db/*"],
  allowTypeImports: true,
  message: "components reach data through actions (or a page's props); only `import type` from db/ and runtime/.",
};

/** What each layer may not import (ESLint's no-restricted-imports patterns); scripts/test/layers.test.ts holds violations of each. */
export const LAYER_RULES = {
  core: [
    ...framework,
    database,
    io,
    platform,
    layer("db", "a core", "its db/ (reads and writes)"),
    layer("actions", "a core", "actions/"),
    layer("runtime", "a core", "runtime/ (process state)"),
    uiAndRoutes,
  ],
  db: [
    ...framework,
    layer("actions", "db/", "actions/"),
    layer("runtime", "db/", "runtime/: what happened is told by a signal"),
    { group: ["@/lib/signals/bus"], message: "db/ does not publish signals: the action or runtime that commits does." },
    uiAndRoutes,
  ],
  actions: [
    framework[1],
    layer("runtime", "actions/", "runtime/: an action tells what it changed by a signal (ctx.afterCommit)"),
    uiAndRoutes,
  ],
  runtime: [{ group: ["react-dom", "react-dom/*"], message: "only components/ and app/ render." }, uiAndRoutes],
  platform: [framework[1], uiAndRoutes],
  components: [appFromComponents, serverOnlyFromComponents],
};

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".data/**",
      ".build/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "public/sdk.js", // built from lib/sdk/browser/ by scripts/build-sdk.ts
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // each file matches one of these (a later match would replace an earlier one's patterns); tests are exempt
  {
    files: ["lib/*.ts", "lib/*/**/*.{ts,tsx}"],
    ignores: [...PLATFORM.map((p) => `lib/${p}/**`), ...DOMAIN_LAYERS.map(domainPaths), ...tests],
    rules: restrict(LAYER_RULES.core),
  },
  ...DOMAIN_LAYERS.map((name) => ({ files: [domainPaths(name)], ignores: tests, rules: restrict(LAYER_RULES[name]) })),
  {
    files: PLATFORM.filter((p) => p !== "generated").map((p) => `lib/${p}/**/*.{ts,tsx}`),
    ignores: tests,
    rules: restrict(LAYER_RULES.platform),
  },
  { files: ["components/**/*.{ts,tsx}"], ignores: tests, rules: restrict(LAYER_RULES.components) },
];

export default config;
