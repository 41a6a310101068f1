import { relations } from "drizzle-orm";
import { memberships, users } from "./accounts";
import { organizations, sites } from "./organizations";

export const organizationsRelations = relations(organizations, ({ many }) => ({
  sites: many(sites),
  memberships: many(memberships),
}));

export const sitesRelations = relations(sites, ({ one }) => ({
  organization: one(organizations, { fields: [sites.organizationId], references: [organizations.id] }),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  organization: one(organizations, { fields: [memberships.organizationId], references: [organizations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
}));
