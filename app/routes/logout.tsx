import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { deleteSessionByToken, clearSessionCookie, readSessionToken } from "~/lib/auth/session.server";
import { getDb } from "~/lib/db.server";

export async function action({ request }: ActionFunctionArgs) {
  const token = await readSessionToken(request);
  if (token) await deleteSessionByToken(await getDb(), token);
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie(request) } });
}

export function loader() {
  return redirect("/");
}
