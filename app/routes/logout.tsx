import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { deleteSessionByToken, clearSessionCookie, readSessionToken } from "~/lib/auth/session.server";
import { getDb } from "~/lib/db.server";

export async function action({ request }: ActionFunctionArgs) {
  const token = await readSessionToken(request);
  if (token) await deleteSessionByToken(await getDb(), token);
  return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": await clearSessionCookie(request) } });
}

export function loader() {
  return redirect("/");
}
