// What the evaluation page's forms share: the action's answer, and which form it belongs to.

export const intents = ["save", "prepare", "reopen", "decide", "link", "revokeLink"] as const;
export type Intent = (typeof intents)[number];
export type ServerState =
  | {
      intent?: string | null;
      errors?: Record<string, string | undefined>;
      values?: Record<string, string | string[]>;
      link?: string | null;
      sentTo?: string | null;
    }
  | undefined;
