import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    tailwindcss(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
    // The browser's assets, compressed once at build time (x.js.br and x.js.gz beside x.js) for
    // server.ts to send as they are. Only the client build: the server bundle is never sent. Files
    // under 1 KB gain too little for an extra file; a result no smaller than its source is not kept.
    !isSsrBuild &&
      compression({
        algorithms: ["brotliCompress", "gzip"],
        include: /\.(js|mjs|css|svg)$/,
        threshold: 1024,
        skipIfLargerOrEqual: true,
      }),
  ],
  // Native and Node-only packages must stay out of the client dep optimizer (docs/stack.md, "Vite's client dependency optimizer").
  optimizeDeps: {
    exclude: ["@node-rs/argon2", "@electric-sql/pglite", "sharp"],
    include: ["react-hook-form", "@hookform/resolvers/zod", "zod", "i18next", "react-i18next"],
  },
  server: { port: 3000 },
  // Keeps Vite's manifest of the browser build (Remix moves it to build/.vite/client-manifest.json):
  // the server finds each language's module there (app/lib/i18n/locale-modules.server.ts).
  build: { manifest: true },
}));
