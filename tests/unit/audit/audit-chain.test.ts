import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import forge from "node-forge";
import { describe, expect, test } from "vitest";
import {
  checkpointMac,
  checkpointPayload,
  checkpointSealProblem,
  GENESIS_HASH,
  keyedEventHash,
  sha256EventHash,
  verifyChain,
  type ChainedFields,
  type CheckpointFields,
} from "~/lib/audit/audit-chain.server";
import { deriveAuditKeys } from "~/lib/audit/audit-keys.server";

type Event = ChainedFields & { id: string; hash: string };

const org = "5b0c7d3e-2f3a-4c1e-9d6b-0a1b2c3d4e5f";
const actor = "8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";
const keys = deriveAuditKeys(Buffer.alloc(32, 7));
const key = keys.chain;

/** `count` events; those up to `legacySeq` hashed with plain SHA-256 (written before the keyed chain). */
function chain(count: number, legacySeq = 0): Event[] {
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
    const hash = seq <= legacySeq ? sha256EventHash(fields) : keyedEventHash(key, fields);
    events.push({ ...fields, id: `event-${seq}`, hash });
    prevHash = hash;
  }
  return events;
}

/** What someone who can write the database but has no key can do: recompute plain SHA-256 from `from` on. */
function recomputedWithoutKey(events: Event[], from: number): Event[] {
  const out = events.map((e) => ({ ...e }));
  for (let i = from - 1; i < out.length; i++) {
    const event = out[i] as Event;
    if (i > 0) event.prevHash = (out[i - 1] as Event).hash;
    event.hash = sha256EventHash(event);
  }
  return out;
}

describe("event hashes", () => {
  test("the keyed hash is an HMAC-SHA-256 hex digest that does not depend on object key order", () => {
    const [event] = chain(1) as [Event];
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(event.hash).not.toBe(sha256EventHash(event));
    const reordered = { ...event, after: { nested: { n: 1 }, tags: ["a", "b"], kind: "warehouse", nameEn: "Site 1" } };
    expect(keyedEventHash(key, reordered)).toBe(event.hash);
    expect(keyedEventHash(deriveAuditKeys(Buffer.alloc(32, 8)).chain, event)).not.toBe(event.hash);
  });

  test("change with every chained field", () => {
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
    for (const change of variants) {
      expect(keyedEventHash(key, { ...event, ...change }), JSON.stringify(change)).not.toBe(event.hash);
      expect(sha256EventHash({ ...event, ...change }), JSON.stringify(change)).not.toBe(sha256EventHash(event));
    }
  });

  test("treat a missing before/after as null", () => {
    const [event] = chain(1) as [Event];
    expect(keyedEventHash(key, { ...event, before: undefined })).toBe(keyedEventHash(key, { ...event, before: null }));
  });

  test("the chain and checkpoint keys are distinct", () => {
    expect(keys.chain.equals(keys.checkpoint)).toBe(false);
  });
});

describe("verifyChain", () => {
  test("an intact keyed chain, a chain with SHA-256 events before the cut-over, and an empty one verify", () => {
    expect(verifyChain(chain(5), { key, legacySeq: 0 })).toBeNull();
    expect(verifyChain(chain(5, 3), { key, legacySeq: 3 })).toBeNull();
    expect(verifyChain(chain(3, 3), { key, legacySeq: 3 })).toBeNull();
    expect(verifyChain([], { key, legacySeq: 0 })).toBeNull();
  });

  test("detects an altered field", () => {
    const events = chain(5);
    events[2] = { ...(events[2] as Event), after: { nameEn: "Forged" } };
    expect(verifyChain(events, { key, legacySeq: 0 })).toEqual({ seq: 3, eventId: "event-3", reason: "hash_mismatch" });
  });

  test("an edited event with every later hash recomputed as plain SHA-256 fails at that event", () => {
    const events = chain(6);
    events[2] = { ...(events[2] as Event), after: { nameEn: "Forged" } };
    expect(verifyChain(recomputedWithoutKey(events, 3), { key, legacySeq: 0 })).toEqual({ seq: 3, eventId: "event-3", reason: "hash_mismatch" });
  });

  test("a keyed event may not pass as a SHA-256 one: moving the cut-over up fails at the first keyed event", () => {
    expect(verifyChain(chain(5, 2), { key, legacySeq: 4 })).toEqual({ seq: 3, eventId: "event-3", reason: "hash_mismatch" });
    // Nor down: a SHA-256 event is no HMAC.
    expect(verifyChain(chain(5, 2), { key, legacySeq: 1 })).toEqual({ seq: 2, eventId: "event-2", reason: "hash_mismatch" });
  });

  test("a rewritten SHA-256 event with recomputed SHA-256 hashes breaks at the first keyed event", () => {
    const events = chain(5, 3);
    events[1] = { ...(events[1] as Event), after: { nameEn: "Forged" } };
    const rewritten = recomputedWithoutKey(events, 2);
    // Events 2 and 3 recompute fine as SHA-256; 4 is keyed and its link (and HMAC) cannot follow.
    rewritten[3] = { ...(rewritten[3] as Event), prevHash: (chain(5, 3)[2] as Event).hash, hash: (chain(5, 3)[3] as Event).hash };
    expect(verifyChain(rewritten, { key, legacySeq: 3 })).toEqual({ seq: 4, eventId: "event-4", reason: "prev_hash_mismatch" });
  });

  test("detects an altered stored hash", () => {
    const events = chain(5);
    events[4] = { ...(events[4] as Event), hash: "0".repeat(64) };
    expect(verifyChain(events, { key, legacySeq: 0 })).toEqual({ seq: 5, eventId: "event-5", reason: "hash_mismatch" });
  });

  test("detects an altered prevHash", () => {
    const events = chain(5);
    events[1] = { ...(events[1] as Event), prevHash: "a".repeat(64) };
    expect(verifyChain(events, { key, legacySeq: 0 })).toEqual({ seq: 2, eventId: "event-2", reason: "prev_hash_mismatch" });
  });

  test("detects a gap in the sequence", () => {
    const events = chain(5);
    events.splice(2, 1);
    expect(verifyChain(events, { key, legacySeq: 0 })).toEqual({ seq: 4, eventId: "event-4", reason: "sequence_gap" });
  });

  test("detects a missing first event", () => {
    expect(verifyChain(chain(3).slice(1), { key, legacySeq: 0 })).toEqual({ seq: 2, eventId: "event-2", reason: "sequence_gap" });
  });

  test("the first event links to the genesis hash", () => {
    const [first] = chain(1) as [Event];
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });
});

describe("checkpoint seals", () => {
  const fields: CheckpointFields = { organizationId: org, seq: 42, headHash: "ab".repeat(32), legacySeq: 3, createdAt: new Date("2026-12-01T19:17:00.123Z") };

  test("a MAC under the checkpoint key holds; any changed field or another key does not", () => {
    const mac = checkpointMac(keys.checkpoint, fields);
    expect(checkpointSealProblem(keys.checkpoint, { ...fields, mac, signature: null, certificate: null })).toBeNull();
    for (const change of [{ seq: 41 }, { headHash: "cd".repeat(32) }, { legacySeq: 42 }, { organizationId: actor }, { createdAt: new Date(0) }]) {
      expect(checkpointSealProblem(keys.checkpoint, { ...fields, ...change, mac, signature: null, certificate: null }), JSON.stringify(change)).toBe("mac");
    }
    expect(checkpointSealProblem(keys.chain, { ...fields, mac, signature: null, certificate: null })).toBe("mac");
  });

  test("a certificate signature over the payload holds; one over other bytes does not", () => {
    const pair = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
    const certificate = forge.pki.createCertificate();
    certificate.publicKey = pair.publicKey;
    certificate.serialNumber = "01";
    certificate.validity.notBefore = new Date(Date.now() - 3600_000);
    certificate.validity.notAfter = new Date(Date.now() + 3600_000);
    certificate.setSubject([{ shortName: "CN", value: "Checkpoint test" }]);
    certificate.setIssuer([{ shortName: "CN", value: "Checkpoint test" }]);
    certificate.sign(pair.privateKey, forge.md.sha256.create());
    const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), "binary").toString("base64");
    const privateKey = createPrivateKey(forge.pki.privateKeyToPem(pair.privateKey));
    const mac = checkpointMac(keys.checkpoint, fields);
    const signature = sign("sha256", Buffer.from(checkpointPayload(fields)), privateKey).toString("base64");
    expect(checkpointSealProblem(keys.checkpoint, { ...fields, mac, signature, certificate: der })).toBeNull();
    const other = sign("sha256", Buffer.from(checkpointPayload({ ...fields, seq: 43 })), privateKey).toString("base64");
    expect(checkpointSealProblem(keys.checkpoint, { ...fields, mac, signature: other, certificate: der })).toBe("signature");
    // A signature by another key, with that key's own "certificate" missing, is no signature.
    const stranger = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;
    const foreign = sign("sha256", Buffer.from(checkpointPayload(fields)), stranger).toString("base64");
    expect(checkpointSealProblem(keys.checkpoint, { ...fields, mac, signature: foreign, certificate: der })).toBe("signature");
    expect(checkpointSealProblem(keys.checkpoint, { ...fields, mac, signature, certificate: null })).toBe("signature");
  });

  test("the payload is canonical JSON naming what the checkpoint states", () => {
    expect(checkpointPayload(fields)).toBe(
      `{"createdAt":"2026-12-01T19:17:00.123Z","headHash":"${"ab".repeat(32)}","legacySeq":3,"organizationId":"${org}","seq":42,"type":"tradeguard-audit-checkpoint","version":1}`,
    );
  });
});
