// The statuses of a corrective action: values only (no texts), so that the inspection and
// dashboard queries can count open actions without the action forms' messages.

/** The statuses a person chooses when updating an action. */
export const actionStatuses = ["open", "in_progress", "done", "cancelled"] as const;
/**
 * Every state an action can be in: "done" on an action that holds a container's release becomes
 * awaiting_verification until a supervisor verifies the closure.
 */
export const actionStates = ["open", "in_progress", "awaiting_verification", "done", "cancelled"] as const;
export type ActionStatus = (typeof actionStates)[number];
/** Not finished: counted as open, and holding a gated release. */
export const unfinishedStatuses = ["open", "in_progress", "awaiting_verification"] as const;
