import { pingDatabase } from "~/lib/db.server";

/** Liveness and database reachability, for load balancers and monitors. */
export async function loader() {
  const started = Date.now();
  try {
    await pingDatabase();
    return Response.json({ status: "ok", database: "ok", ms: Date.now() - started }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return Response.json(
      { status: "error", database: "unreachable", error: error instanceof Error ? error.message : String(error) },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
