// Open redirects: the address a person is sent to after logging in, switching language or signing a
// visitor out comes from a form field an attacker can fill in a link. Every known bypass must land
// on this site.
import { beforeAll, describe, expect, test } from "vitest";
import * as loginRoute from "~/routes/_auth.login";
import * as languageRoute from "~/routes/language";
import { signUpOrganization, type SignedUp } from "../support/factories";
import { offSiteRedirectTargets } from "../support/redirect-targets";
import { callAction, ORIGIN } from "../support/requests";

let owner: SignedUp;

beforeAll(async () => {
  owner = await signUpOrganization();
});

/** A redirect that stays here, or a refusal of the form itself (a NUL is refused as it is read). */
function expectOnSite({ status, location }: { status: number; location: string | null }) {
  if (status === 400) return;
  expect(status).toBe(302);
  expect(location).toBeTruthy();
  expect(location?.startsWith("//") || location?.startsWith("/\\")).toBe(false);
  expect(new URL(location ?? "", ORIGIN).origin).toBe(ORIGIN);
}

describe("after logging in", () => {
  test("a same-site redirectTo is followed", async () => {
    const outcome = await callAction(loginRoute, "/login", { email: owner.email, password: owner.password, redirectTo: "/settings/sites?x=1" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/settings/sites?x=1");
  });

  test.each(offSiteRedirectTargets)("redirectTo=%j stays on this site", async (target) => {
    const outcome = await callAction(loginRoute, "/login", { email: owner.email, password: owner.password, redirectTo: target });
    expectOnSite(outcome);
  });
});

describe("after switching language", () => {
  test.each(offSiteRedirectTargets)("redirectTo=%j stays on this site", async (target) => {
    const outcome = await callAction(languageRoute, "/language", { lng: "en", redirectTo: target }, { cookie: owner.cookie });
    expectOnSite(outcome);
  });
});
