import type { listSessions } from "./training-queries.server";
import { sessionReference } from "./training-rules";

// The rows of the training lists (/training and /training/drills): one mapping for both, so the two
// pages show a session the same way. Only the drills list prints a drill's scenario.

type SessionListRow = Awaited<ReturnType<typeof listSessions>>["rows"][number];

export function sessionListRows(rows: readonly SessionListRow[], options: { scenarios: boolean }) {
  return rows.map((r) => ({
    id: r.session.id,
    reference: sessionReference(r.session.number),
    category: r.session.category,
    topic: r.session.topic,
    heldOn: r.session.heldOn,
    startTime: r.session.startTime,
    trainer: r.session.trainer,
    provider: r.session.provider,
    siteNameZh: r.siteNameZh,
    siteNameEn: r.siteNameEn,
    attendeeCount: r.attendeeCount,
    scenario: options.scenarios ? r.session.scenario : null,
  }));
}
