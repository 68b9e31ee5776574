import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig, tempDir } from "../../test/helpers.js";
import { openStore } from "../store/duckdb-store.js";
import type { Store } from "../store/store.js";
import { createToken, hashToken, roleAllows, TokenVerifier } from "./tokens.js";

// The real store's table: a DuckDB store in a temporary folder.
let dir: { dir: string; cleanup: () => void };
let store: Store;
beforeAll(async () => {
  dir = tempDir("avails-tokens-");
  store = await openStore(dir.dir, defaultConfig);
});
afterAll(async () => {
  await store.close();
  dir.cleanup();
});

describe("createToken and TokenVerifier", () => {
  it("createToken keeps only the token's hash, and TokenVerifier accepts the token with its role", async () => {
    const { token, id, role } = await createToken(store.tokens, "planner", "ci");
    expect(token).toMatch(/^avails_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(role).toBe("planner");
    const rows = await store.tokens.list();
    expect(rows.find((r) => r.id === id)).toMatchObject({
      role: "planner",
      hash: hashToken(token),
      label: "ci",
      revokedAt: null,
    });
    expect(JSON.stringify(rows)).not.toContain(token.slice(16));
    expect(new TokenVerifier(rows).verify(token)).toEqual({ id, role: "planner" });
  });

  it("TokenVerifier refuses a wrong secret, an unknown id, a malformed token and a revoked one", async () => {
    const { token, id } = await createToken(store.tokens, "admin");
    const other = await createToken(store.tokens, "viewer");
    expect(await store.tokens.revoke(other.id, "2026-11-01T00:00:00Z")).toBe(true);
    expect(await store.tokens.revoke(other.id, "2026-11-01T00:00:00Z")).toBe(false);
    const verifier = new TokenVerifier(await store.tokens.list());
    expect(verifier.verify(token)).toEqual({ id, role: "admin" });
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(verifier.verify(flipped)).toBeNull();
    expect(verifier.verify(token.replace(id, "00000000"))).toBeNull();
    expect(verifier.verify("avails_zz")).toBeNull();
    expect(verifier.verify("")).toBeNull();
    expect(verifier.verify(other.token)).toBeNull();
  });

  it("createToken refuses a role that is not viewer, planner or admin, naming --role", async () => {
    await expect(createToken(store.tokens, "owner")).rejects.toThrow(
      /^--role: expected one of viewer, planner, admin/,
    );
  });

  it("roleAllows: admin may do what planner may, planner what viewer may, not the other way", () => {
    expect(roleAllows("admin", "viewer")).toBe(true);
    expect(roleAllows("planner", "planner")).toBe(true);
    expect(roleAllows("viewer", "planner")).toBe(false);
    expect(roleAllows("planner", "admin")).toBe(false);
  });
});
