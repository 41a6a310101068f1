// Vitest's order of test files, with the known long ones first. Vitest starts the longest files first
// only when its cache (node_modules/.vite/vitest) has their durations from an earlier run; on a clean
// clone (CI runs `npm ci`) it starts the largest files first, and some of the longest files are small,
// so one of them could start last and run alone on one core while the other idles
// (docs/stack.md, "Test run times").
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Files that took longest, longest first (PGlite and PostgreSQL runs, December 2026). */
const LONG_FILES = [
  "tests/integration/audit.test.ts",
  "tests/integration/job-engine.test.ts",
  "tests/integration/dossier-scale.test.ts",
  "tests/integration/tenancy.test.ts",
  "tests/integration/assessments.test.ts",
  "tests/integration/database-outage.test.ts",
  "tests/unit/partners/partner-import.test.ts",
];

export default class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = LONG_FILES.findIndex((file) => spec.moduleId.replaceAll("\\", "/").endsWith(file));
      return index === -1 ? LONG_FILES.length : index;
    };
    // Array.prototype.sort is stable: every other file keeps vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
