// Lint: TypeScript recommended rules, React hooks, and the import boundaries of docs/architecture.md:
// - No import cycle (import-x/no-cycle, type-only imports aside): a cycle makes module order decide what is initialised, and hides the layers.
// - Routes never import routes (by ~/routes, or by ./x beside a route file, ../x from a route folder): a page's code is its own; shared code lives in app/lib or app/components.
// - Pages and client code never import *.server modules, db/, tests or scripts: what they import is sent to the browser.
// - Routes and client code (app/components, app/lib outside *.server) never import drizzle-orm: queries live only in app/lib's *.server.ts.
// - app/lib never imports app/components: the services and helpers sit below the UI, which imports them, not the other way round.
// - Only the database layer (app/lib/db.server.ts, types in db-types.server.ts) imports db/client, db/migrate or db/pglite-template: one place opens the database.
// - Emails are pure templates: no db/, no routes, nothing server-only but the translations they render both languages from.
// - db/ never imports the application: the schema and migrations stand alone (drizzle-kit, scripts).
// - Pages get their texts through useTranslation, not by importing a locale file: a page downloads its own language only.
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
  group: ["**/i18n/locales/*", "**/i18n/locales/**"],
  allowTypeImports: true,
  message: "A page downloads its own language and namespaces only: pages get texts from useTranslation(), server code from app/lib/i18n/translations.server.ts.",
};
const appCode = { group: ["~/*", "**/app/*", "**/app/**"], message: "db/ must not import the application." };
const siblingFlatRoute = { regex: "^\\./", message: "Routes never import routes: ./x beside a route file is another route. Move shared code into app/lib or app/components." };
const siblingFolderRoute = {
  regex: "^\\.\\./(?!\\.\\./)",
  message: "Routes never import routes: ../x from a route folder is another route. Move shared code into app/lib or app/components.",
};
const drizzle = {
  group: ["drizzle-orm", "drizzle-orm/*"],
  message: "Client code never builds queries: drizzle-orm belongs in the *.server.ts modules of app/lib.",
};
const components = {
  regex: "^(~/|(\\.\\./)+)components(/|$)",
  message: "app/lib is below the UI: it must not import app/components (move what both need into app/lib).",
};
const databaseOpening = {
  regex: "(^|/)db/(client|migrate|pglite-template)$",
  message: "Only the database layer (app/lib/db.server.ts, and db-types.server.ts for its types) opens the database: import getDb from db.server, types from db-types.server.",
};
const routeDrizzle = {
  group: ["drizzle-orm", "drizzle-orm/*"],
  message: "Routes reach data only through app/lib's *.server.ts modules: move the query there.",
};
const routePatterns = [routes, dbLayer, testsAndScripts, localeFiles, routeDrizzle];
const clientPatterns = [serverOnly, dbLayer, routes, testsAndScripts, localeFiles, drizzle];

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
  // Routes: no sideways imports (by alias, or by relative path to a sibling), no db/ directly.
  {
    files: ["app/routes/**", "app/root.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: routePatterns }] },
  },
  {
    files: ["app/routes/*.ts", "app/routes/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [...routePatterns, siblingFlatRoute] }] },
  },
  {
    files: ["app/routes/*/*.ts", "app/routes/*/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [...routePatterns, siblingFolderRoute] }] },
  },
  // Components and client-safe lib: nothing server-only, no db/ or drizzle-orm, no routes; lib no components.
  {
    files: ["app/components/**", "app/entry.client.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: clientPatterns }] },
  },
  {
    files: ["app/lib/**/*.ts", "app/lib/**/*.tsx"],
    ignores: ["app/lib/**/*.server.ts", "app/lib/**/*.server.tsx", "app/lib/i18n/locales/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...clientPatterns, components] }] },
  },
  // Server-side lib: may reach db/ (the schema; the database itself only through db.server.ts),
  // never routes, components, tests or scripts.
  {
    files: ["app/lib/**/*.server.ts", "app/lib/**/*.server.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [routes, testsAndScripts, components, databaseOpening] }] },
  },
  {
    files: ["app/lib/db.server.ts", "app/lib/db-types.server.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [routes, testsAndScripts, components] }] },
  },
  {
    files: ["app/entry.server.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [routes, testsAndScripts, databaseOpening] }] },
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
