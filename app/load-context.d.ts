import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for this response's Content-Security-Policy (set by server.ts). */
    cspNonce?: string;
    requestId?: string;
  }
}
