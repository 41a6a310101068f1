// The demo accounts, apart from the code that seeds them: the embedded server prints them at every
// start, which must not load everything the seed imports (accounts, partners, seals, emails...).
import { count, eq } from "drizzle-orm";
import { organizations, users } from "../../../db/schema";
import type { Role } from "../auth/permissions";
import type { Database } from "../db-types.server";

export const DEMO_PASSWORD = "tradeguard-demo";

export const demoAccounts: { email: string; role: Role; name: string; organization: "demo" | "carrier" }[] = [
  { email: "owner@demo.tradeguard.test", role: "owner", name: "王海 Wang Hai", organization: "demo" },
  { email: "admin@demo.tradeguard.test", role: "admin", name: "李静 Li Jing", organization: "demo" },
  { email: "compliance@demo.tradeguard.test", role: "compliance", name: "陈敏 Chen Min", organization: "demo" },
  { email: "securitylead@demo.tradeguard.test", role: "security_lead", name: "周强 Zhou Qiang", organization: "demo" },
  { email: "security@demo.tradeguard.test", role: "security", name: "张伟 Zhang Wei", organization: "demo" },
  { email: "procurement@demo.tradeguard.test", role: "procurement", name: "刘洋 Liu Yang", organization: "demo" },
  { email: "hr@demo.tradeguard.test", role: "hr", name: "黄丽 Huang Li", organization: "demo" },
  { email: "auditor@demo.tradeguard.test", role: "auditor", name: "赵磊 Zhao Lei", organization: "demo" },
  { email: "owner@carrier.demo.tradeguard.test", role: "owner", name: "孙丽 Sun Li", organization: "carrier" },
];

/** The block printed at start and by `npm run db:seed`. */
export function demoAccountsText(): string {
  const lines = demoAccounts.map((a) => `  ${a.email.padEnd(38)} ${a.role.padEnd(12)} ${DEMO_PASSWORD}`);
  return ["Demo accounts (email, role, password):", ...lines].join("\n");
}

export async function demoAccountsExist(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ value: count() })
    .from(users)
    .where(eq(users.email, demoAccounts[0]?.email ?? ""));
  return (row?.value ?? 0) > 0;
}

/** Whether any organisation exists: the demo seed only ever fills an empty database. */
export async function holdsAnOrganization(db: Database): Promise<boolean> {
  const [row] = await db.select({ value: count() }).from(organizations);
  return (row?.value ?? 0) > 0;
}
