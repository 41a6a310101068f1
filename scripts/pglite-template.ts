// Makes the migrated embedded data folder of the current build (db/pglite-template.ts), for new
// data folders to be copied from. Run by `npm start` after it builds, in a process of its own: the
// WebAssembly memory initdb takes is given back when the process ends, not kept by the server.
import { setPrivateUmask } from "../db/file-modes";
import { BUILD_TEMPLATE_DIR, ensurePgliteDataTemplate } from "../db/pglite-template";

// New data folders are copied from this one: its owner's alone, like them (db/file-modes.ts).
setPrivateUmask();

const started = Date.now();
const folder = await ensurePgliteDataTemplate(BUILD_TEMPLATE_DIR);
process.stdout.write(`Embedded database template ready (${folder}, ${Date.now() - started} ms).\n`);
