// Lint: TypeScript recommended rules, React hooks, and the import boundaries of ARCHITECTURE.md.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const serverOnly = { group: ["**/*.server", "**/*.server.*"], message: "Server-only code: import it from a *.server.ts module or a route's loader/action." };
const dbLayer = { group: ["**/db/*", "**/db/**", "../db/*", "../../db/*", "../../../db/*"], message: "app/ reaches db/ only through app/lib/db.server.ts or db/schema in *.server.ts files." };
const routes = { group: ["~/routes/*", "**/routes/*"], message: "Routes never import routes: move shared code into app/lib or app/components." };
const testsAndScripts = { group: ["**/tests/**", "**/scripts/**"], message: "Application code must not depend on tests or scripts." };
const localeFiles = {
  group: ["**/i18n/locales/*"],
  allowTypeImports: true,
  message: "A page downloads its own language only: pages get texts from useTranslation(), server code from app/lib/i18n/translations.server.ts.",
};
const appCode = { group: ["~/*", "**/app/*", "**/app/**"], message: "db/ must not import the application." };

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "data/**", "test-results/**", "db/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  // Routes: no sideways imports, no db/ directly.
  {
    files: ["app/routes/**", "app/root.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [routes, dbLayer, testsAndScripts, localeFiles] }] },
  },
  // Components and client-safe lib: nothing server-only, no db/, no routes.
  {
    files: ["app/components/**", "app/lib/**/*.ts", "app/lib/**/*.tsx", "app/entry.client.tsx"],
    ignores: ["app/lib/**/*.server.ts", "app/lib/**/*.server.tsx", "app/lib/i18n/locales/*"],
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnly, dbLayer, routes, testsAndScripts, localeFiles] }] },
  },
  // Server-side lib: may reach db/ (the schema, and the bridge), never routes, tests or scripts.
  {
    files: ["app/lib/**/*.server.ts", "app/lib/**/*.server.tsx", "app/entry.server.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [routes, testsAndScripts] }] },
  },
  // Emails: pure templates, rendered on the server only: their texts come from both languages'
  // translations (app/lib/i18n/translations.server.ts), which pages never download whole.
  {
    files: ["emails/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ ...serverOnly, group: [...serverOnly.group, "!**/i18n/translations.server"] }, dbLayer, routes, testsAndScripts] },
      ],
    },
  },
  {
    files: ["db/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [appCode, testsAndScripts] }] },
  },
  // No import cycles anywhere in the application, its database, its entry points or its scripts.
  {
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "server.ts", "worker.ts", "scripts/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
);
