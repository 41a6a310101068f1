import { describe, expect, test } from "vitest";
import { auditEventHash, GENESIS_HASH, verifyChain, type ChainedFields } from "~/lib/audit/audit-chain.server";

type Event = ChainedFields & { id: string; hash: string };

const org = "5b0c7d3e-2f3a-4c1e-9d6b-0a1b2c3d4e5f";
const actor = "8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";

function chain(count: number): Event[] {
  const events: Event[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields: ChainedFields = {
      organizationId: org,
      seq,
      actorUserId: seq === 1 ? null : actor,
      action: seq === 1 ? "create" : "update",
      entityType: "site",
      entityId: `site-${seq}`,
      before: seq === 1 ? null : { nameEn: `Site ${seq - 1}`, kind: "factory" },
      after: { nameEn: `Site ${seq}`, kind: "warehouse", tags: ["a", "b"], nested: { n: seq } },
      occurredAt: new Date(Date.UTC(2024, 2, 18, 8, 0, seq, 123)),
      prevHash,
    };
    const hash = auditEventHash(fields);
    events.push({ ...fields, id: `event-${seq}`, hash });
    prevHash = hash;
  }
  return events;
}

describe("auditEventHash", () => {
  test("is a SHA-256 hex digest that does not depend on object key order", () => {
    const [event] = chain(1) as [Event];
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { ...event, after: { nested: { n: 1 }, tags: ["a", "b"], kind: "warehouse", nameEn: "Site 1" } };
    expect(auditEventHash(reordered)).toBe(event.hash);
  });

  test("changes with every chained field", () => {
    const [event] = chain(1) as [Event];
    const variants: Partial<ChainedFields>[] = [
      { organizationId: "other" },
      { seq: 2 },
      { actorUserId: actor },
      { action: "delete" },
      { entityType: "membership" },
      { entityId: "site-x" },
      { before: { nameEn: "x" } },
      { after: { nameEn: "Site 1" } },
      { occurredAt: new Date(event.occurredAt.getTime() + 1) },
      { prevHash: "f".repeat(64) },
    ];
    for (const change of variants) expect(auditEventHash({ ...event, ...change }), JSON.stringify(change)).not.toBe(event.hash);
  });

  test("treats a missing before/after as null", () => {
    const [event] = chain(1) as [Event];
    expect(auditEventHash({ ...event, before: undefined })).toBe(auditEventHash({ ...event, before: null }));
  });
});

describe("verifyChain", () => {
  test("an intact chain (and an empty one) verifies", () => {
    expect(verifyChain(chain(5))).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  test("detects an altered field", () => {
    const events = chain(5);
    events[2] = { ...(events[2] as Event), after: { nameEn: "Forged" } };
    expect(verifyChain(events)).toEqual({ seq: 3, eventId: "event-3", reason: "hash_mismatch" });
  });

  test("detects an altered stored hash", () => {
    const events = chain(5);
    events[4] = { ...(events[4] as Event), hash: "0".repeat(64) };
    expect(verifyChain(events)).toEqual({ seq: 5, eventId: "event-5", reason: "hash_mismatch" });
  });

  test("detects an altered prevHash", () => {
    const events = chain(5);
    events[1] = { ...(events[1] as Event), prevHash: "a".repeat(64) };
    expect(verifyChain(events)).toEqual({ seq: 2, eventId: "event-2", reason: "prev_hash_mismatch" });
  });

  test("detects a rewritten event whose hash was recomputed, at the next link", () => {
    const events = chain(5);
    const forged = { ...(events[1] as Event), after: { nameEn: "Forged" } };
    events[1] = { ...forged, hash: auditEventHash(forged) };
    expect(verifyChain(events)).toEqual({ seq: 3, eventId: "event-3", reason: "prev_hash_mismatch" });
  });

  test("detects a gap in the sequence", () => {
    const events = chain(5);
    events.splice(2, 1);
    expect(verifyChain(events)).toEqual({ seq: 4, eventId: "event-4", reason: "sequence_gap" });
  });

  test("detects a missing first event", () => {
    expect(verifyChain(chain(3).slice(1))).toEqual({ seq: 2, eventId: "event-2", reason: "sequence_gap" });
  });

  test("the first event links to the genesis hash", () => {
    const [first] = chain(1) as [Event];
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });
});
