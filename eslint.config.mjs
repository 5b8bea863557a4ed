import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Folders whose code must stay pure: plain data in, plain data out (see ARCHITECTURE.md). */
const PURE_CORES = ["segments", "decide", "experiments", "stats", "content"];

/** What a pure core may not import: the framework, the database, the UI. */
export const pureCoreForbiddenImports = [
  { group: ["next", "next/*"], message: "Pure cores do not depend on Next.js." },
  { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "Pure cores do not depend on React." },
  {
    group: ["@prisma/*", "**/generated/prisma/**", "@/lib/generated/*", "@/lib/db/*", "pg"],
    message: "Pure cores do not touch the database; put queries in queries.ts.",
  },
  { group: ["./queries", "../queries", "*/queries"], message: "The pure core may not reach its own database queries." },
];

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
  {
    files: PURE_CORES.map((core) => `lib/${core}/**/*.{ts,tsx}`),
    ignores: PURE_CORES.flatMap((core) => [
      `lib/${core}/queries.ts`,
      `lib/${core}/queries/**`,
      `lib/${core}/**/*.integration.test.ts`,
    ]),
    rules: { "no-restricted-imports": ["error", { patterns: pureCoreForbiddenImports }] },
  },
];

export default config;
