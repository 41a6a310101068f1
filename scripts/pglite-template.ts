// Makes the migrated embedded-database tarball of the current build (db/pglite-template.ts), for
// new data folders to start from. Run by `npm start` after it builds, in a process of its own: the
// WebAssembly memory initdb takes is given back when the process ends, not kept by the server.
import { BUILD_TEMPLATE_DIR, ensurePgliteTemplate } from "../db/pglite-template";

const started = Date.now();
const tarball = await ensurePgliteTemplate(BUILD_TEMPLATE_DIR);
process.stdout.write(`Embedded database template ready (${tarball}, ${Date.now() - started} ms).\n`);
