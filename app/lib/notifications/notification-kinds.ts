// The kinds of notice a person or a group channel may choose (value lists, shared by pages and server).

/** Kinds a person may choose per channel (the digest is a switch of its own). */
export const personKinds = ["reminder", "assignment", "seal_report"] as const;
/** What a group channel may receive. */
export const channelKinds = ["reminder", "seal_report"] as const;
/** The group robots (the same list as db/schema/notifications.ts, which app code in the browser cannot import). */
export const channelProviders = ["wecom", "dingtalk", "feishu"] as const;
