// npm run audit:verify: checks every organisation's audit trail with the installation key and says,
// per organisation, OK or what is wrong. Exits 1 if anything is wrong, 2 if it could not check.
//
//   npm run audit:verify
//   npm run audit:verify -- --expect <organisation id>:<seq>:<head hash>
//
// What is checked: every event's hash (SHA-256 up to the organisation's cut-over, HMAC-SHA-256 under
// the installation key after it) and its link to the one before; that the organisation's stored head
// names the last event; that every checkpoint carries the installation's seal (and a valid signature
// when it was signed with the organisation's certificate); and that the trail still reaches and
// contains what every checkpoint saw. --expect (repeatable) compares a checkpoint printed on a
// dossier with the trail as it is now: what a certifier holding an old dossier asks for.
import { parseArgs } from "node:util";
import { createDatabase } from "../db/client";
import { env } from "../app/lib/env.server";
import { existingServerSecretSource } from "../app/lib/personnel/personal-data-crypto.server";
import { auditEventAt, inspectOrganizationChain, listOrganizationIds, type ChainProblem, type ChainReport } from "../app/lib/audit/audit.server";

/**
 * How long after the installation got its key an organisation's SHA-256 events may still lack a
 * checkpoint: the first start after the upgrade checkpoints every organisation, the daily run
 * catches up on what that missed.
 */
const UNVOUCHED_GRACE_MS = 48 * 60 * 60 * 1000;

const when = (date: Date) => `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;

function describeProblem(problem: ChainProblem, report: ChainReport): string {
  const at = problem.checkpointAt ? when(problem.checkpointAt) : "";
  switch (problem.reason) {
    case "hash_mismatch":
      return problem.seq <= report.legacySeq
        ? `event #${problem.seq} was altered after it was written: its SHA-256 does not match its content`
        : `event #${problem.seq} was altered after it was written: its HMAC does not match its content (a hash recomputed without the installation key)`;
    case "prev_hash_mismatch":
      return `event #${problem.seq} does not link to the event before it: an earlier event was altered or replaced`;
    case "sequence_gap":
      return `events are missing before event #${problem.seq}`;
    case "head_mismatch":
      return `the trail does not end where the organisation's stored head says (event #${problem.seq}): the last events were deleted, or the head was moved`;
    case "wiped":
      return `all events are gone, though the trail had reached event #${problem.seq} (the stored head or a checkpoint says so)`;
    case "behind_checkpoint":
      return `the trail was cut back: the checkpoint of ${at} saw event #${problem.seq}, but the trail now ends at event #${report.head.seq} (the head was moved back)`;
    case "checkpoint_mismatch":
      return `event #${problem.seq} is not the event the checkpoint of ${at} saw: the trail was rewritten up to there`;
    case "checkpoint_invalid":
      return `the checkpoint at event #${problem.seq} (dated ${at}) does not carry this installation's seal: it was forged or altered`;
  }
}

function describeOk(report: ChainReport): string {
  const last = report.lastCheckpoint;
  const checkpoint = last
    ? `last checkpoint at event #${last.seq} on ${when(last.createdAt)}${last.certificateSigned ? " (signed with the organisation's certificate)" : ""}`
    : "no checkpoint yet";
  return `${report.events} events, intact; ${checkpoint}`;
}

function legacyNote(report: ChainReport): string | null {
  if (report.legacyEvents === 0) return null;
  const range = report.legacySeq === 1 ? "event #1 was" : `events #1–#${report.legacySeq} were`;
  const vouched = report.lastCheckpoint
    ? "they are vouched for from the first checkpoint made after the upgrade on, not before"
    : "no checkpoint vouches for them yet (the daily checkpoint will)";
  return `        note: ${range} written before the keyed chain and carry plain SHA-256 hashes; ${vouched}.`;
}

interface Expectation {
  organizationId: string;
  seq: number;
  hash: string;
}

function parseExpectation(value: string): Expectation {
  const match = /^([0-9a-f-]{36}):#?(\d+):([0-9a-f]{64})$/i.exec(value.trim());
  if (!match) throw new Error(`--expect ${value}: expected <organisation id>:<seq>:<64 hex digits>`);
  return { organizationId: match[1]!.toLowerCase(), seq: Number(match[2]), hash: match[3]!.toLowerCase() };
}

const { values } = parseArgs({ options: { expect: { type: "string", multiple: true } } });
let expectations: Expectation[];
try {
  expectations = (values.expect ?? []).map(parseExpectation);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

const config = env();
// A key made on the spot would only make every keyed hash look forged: refuse instead.
const keySource = existingServerSecretSource();
if (!keySource) {
  process.stderr.write(
    "Cannot verify: no installation key. Set PERSONAL_DATA_KEY as the servers have it, or run with the DATA_DIR that holds personal-data.key.\n",
  );
  process.exit(2);
}

const handle = await createDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
let broken = 0;
let mismatched = 0;
try {
  process.stdout.write(`Installation key: ${keySource === "PERSONAL_DATA_KEY" ? "PERSONAL_DATA_KEY" : `key file ${keySource}`}\n`);
  const organizations = await listOrganizationIds(handle.db);
  const reports = [];
  for (const org of organizations) reports.push({ org, report: await inspectOrganizationChain(handle.db, org.id) });
  // Since when this installation has had its key, by what the key vouches for: the oldest keyed
  // event or sealed checkpoint of any intact trail. The upgrade's first checkpoint run covers every
  // organisation; one whose SHA-256 events have no checkpoint long after that lost its checkpoints.
  const keyedSince = reports
    .filter(({ report }) => !report.problem)
    .flatMap(({ report }) => [report.firstKeyedAt, report.firstCheckpointAt])
    .reduce<Date | null>((first, at) => (at && (!first || at < first) ? at : first), null);
  const unvouchedAfter = keyedSince && Date.now() - keyedSince.getTime() > UNVOUCHED_GRACE_MS ? keyedSince : null;
  let keyedFailures = 0;
  let keyedChains = 0;
  for (const { org, report } of reports) {
    const label = `${org.id} ${org.nameEn}`;
    if (report.head.seq > report.legacySeq) keyedChains += 1;
    if (!report.problem && unvouchedAfter && report.legacyEvents > 0 && report.checkpoints === 0) {
      broken += 1;
      process.stdout.write(
        `BROKEN  ${label}: events #1–#${report.legacySeq} carry plain SHA-256 and no checkpoint vouches for them, though this installation has been checkpointing since ${when(unvouchedAfter)}: this organisation's checkpoints were deleted, and its trail may have been rewritten [legacy_unvouched]\n`,
      );
      continue;
    }
    if (!report.problem) {
      process.stdout.write(`OK      ${label}: ${describeOk(report)}\n`);
    } else {
      broken += 1;
      if (report.problem.reason === "hash_mismatch" && report.problem.seq === report.legacySeq + 1) keyedFailures += 1;
      process.stdout.write(`BROKEN  ${label}: ${describeProblem(report.problem, report)} [${report.problem.reason} at event #${report.problem.seq}]\n`);
    }
    const note = legacyNote(report);
    if (note) process.stdout.write(`${note}\n`);
  }
  if (keyedChains > 0 && keyedFailures === keyedChains) {
    process.stdout.write("Every keyed trail fails at its first keyed event: is this the installation's key (PERSONAL_DATA_KEY as the servers have it)?\n");
  }
  for (const expected of expectations) {
    const org = organizations.find((o) => o.id === expected.organizationId);
    const label = `${expected.organizationId} ${org?.nameEn ?? "(no such organisation)"}`;
    const event = org ? await auditEventAt(handle.db, org.id, expected.seq) : null;
    if (event?.hash === expected.hash) {
      process.stdout.write(`OK      ${label}: event #${expected.seq} still has the printed head hash\n`);
    } else {
      mismatched += 1;
      const what = !org ? "the organisation is gone" : event ? `event #${expected.seq} now has hash ${event.hash}` : `event #${expected.seq} is no longer in the trail`;
      process.stdout.write(`BROKEN  ${label}: the printed checkpoint does not match the trail: ${what} [expected ${expected.hash}]\n`);
    }
  }
  process.stdout.write(`${organizations.length} organisations checked, ${broken} broken.\n`);
  if (expectations.length > 0) process.stdout.write(`${expectations.length} printed checkpoints compared, ${mismatched} do not match.\n`);
  if (broken > 0 || mismatched > 0) process.exitCode = 1;
} catch (error) {
  process.stderr.write(`Verification failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
