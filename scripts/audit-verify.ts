// npm run audit:verify: recomputes every organisation's audit hash chain. Exits 1 if any is broken.
import { createDatabase } from "../db/client";
import { env } from "../app/lib/env.server";
import { listOrganizationIds, verifyOrganizationChain } from "../app/lib/audit/audit.server";

const config = env();
const handle = await createDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
let broken = 0;
try {
  const organizations = await listOrganizationIds(handle.db);
  for (const org of organizations) {
    const status = await verifyOrganizationChain(handle.db, org.id);
    const label = `${org.id} ${org.nameEn}`;
    if (status.ok) {
      process.stdout.write(`ok      ${label}: ${status.events} events\n`);
    } else {
      broken += 1;
      process.stdout.write(`BROKEN  ${label}: ${status.problem.reason} at event #${status.problem.seq} (${status.events} events)\n`);
    }
  }
  process.stdout.write(`${organizations.length} organisations checked, ${broken} broken.\n`);
  if (broken > 0) process.exitCode = 1;
} catch (error) {
  process.stderr.write(`Verification failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
