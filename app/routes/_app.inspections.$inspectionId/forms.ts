// What the inspection page's forms share: the action's answer, which names the form it belongs to.

export type PanelServer = {
  intent?: string | null;
  errors?: Record<string, string | undefined>;
  values?: Record<string, string | string[]>;
} | null;
