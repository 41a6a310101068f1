// The rendering thread's entry: worker threads load this plain module, which loads the TypeScript
// task through tsx's API. (A thread started with `--import tsx` loses a race on Node 20: its entry
// can be imported before tsx's hooks are in place.)
import { tsImport } from "tsx/esm/api";

const task = await tsImport("./dossier-render-task.server.ts", import.meta.url);
export default task.default;
