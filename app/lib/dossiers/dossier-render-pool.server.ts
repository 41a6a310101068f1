// The rendering thread of this process (piscina): dossier volumes are rendered there, so that the
// process's event loop (a web server's, in the embedded start) stays free. Kept apart from the
// dossier code so that shutting it down loads nothing else.

import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { RenderResult, RenderTask } from "./dossier-render-task.server";

/** The rendering thread's heap: the benchmark year's 1,730-page dossier renders within it. */
const RENDER_HEAP_MB = 512;

// One rendering thread per process: dossiers are rendered one at a time (the job runs one at a
// time per worker), and the thread ends when idle so its memory goes back.
let pool: Piscina | undefined;
function renderPool(): Piscina {
  pool ??= new Piscina({
    // A plain module that loads the TypeScript task through tsx, whether the process runs under tsx or Vitest.
    filename: new URL("./dossier-render-thread.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
    execArgv: [],
    // V8 grows a heap lazily up to its default limit; a bound makes the thread collect sooner, so a
    // year's dossier peaks at about 670 MB instead of 870 MB (npm run bench:dossier-scale).
    resourceLimits: { maxOldGenerationSizeMb: RENDER_HEAP_MB },
  });
  return pool;
}

/** Ends the rendering thread (at shutdown). */
export async function closeRenderPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}

export async function renderOnThread(task: Omit<RenderTask, "progress">, onProgress: (fraction: number) => void): Promise<RenderResult> {
  const channel = new MessageChannel();
  channel.port1.on("message", (fraction: number) => onProgress(fraction));
  try {
    return (await renderPool().run({ ...task, progress: channel.port2 }, { transferList: [channel.port2] })) as RenderResult;
  } finally {
    channel.port1.close();
  }
}

