import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { type ApiTokens, ROLES, type Role, type StoredToken } from "../store/api-tokens.js";

/** What a bearer token is made of: `avails_<id>_<secret>`, the id public (listed, revoked by), the secret not. */
const TOKEN = /^avails_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

/**
 * SHA-256 of a token, hex: all the store keeps.
 *
 * @example
 * hashToken("avails_3f9a2c1e_..."); // "9c1d...": 64 hex digits
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Makes a new token for a role and stores its hash; the token itself is returned once and kept nowhere.
 *
 * @example
 * const { token, id } = await createToken(store.tokens, "planner"); // token "avails_3f9a2c1e_..."
 */
export async function createToken(
  tokens: ApiTokens,
  role: string,
  label: string | null = null,
): Promise<{ token: string; id: string; role: Role }> {
  if (!ROLES.includes(role as Role)) {
    throw new Error(`--role: expected one of ${ROLES.join(", ")}, got "${role}"`);
  }
  const id = randomBytes(4).toString("hex");
  const token = `avails_${id}_${randomBytes(32).toString("base64url")}`;
  await tokens.add({
    id,
    role: role as Role,
    hash: hashToken(token),
    createdAt: new Date().toISOString(),
    label,
  });
  return { token, id, role: role as Role };
}

/** The live tokens of a store, held in memory by the server, checked in constant time. */
export class TokenVerifier {
  private readonly byId = new Map<string, { hash: Buffer; role: Role }>();

  constructor(stored: readonly StoredToken[]) {
    for (const t of stored) {
      if (t.revokedAt === null) this.byId.set(t.id, { hash: Buffer.from(t.hash, "hex"), role: t.role });
    }
  }

  /** Live tokens held. */
  get size(): number {
    return this.byId.size;
  }

  /**
   * The id and role of a presented token, or null when it is malformed, unknown, revoked or wrong. The
   * presented token's hash is compared with the stored one by `timingSafeEqual`, so the time taken says
   * nothing about how much of the secret was right; an unknown id is compared against a dummy hash so
   * that it takes as long.
   *
   * @example
   * verifier.verify("avails_3f9a2c1e_...")?.role; // "planner"
   */
  verify(token: string): { id: string; role: Role } | null {
    const match = TOKEN.exec(token);
    const presented = createHash("sha256").update(token).digest();
    const entry = match === null ? undefined : this.byId.get(match[1]);
    const expected = entry?.hash ?? DUMMY;
    const equal = timingSafeEqual(presented, expected);
    if (!equal || entry === undefined || match === null) return null;
    return { id: match[1], role: entry.role };
  }
}

const DUMMY = createHash("sha256").update("avails: no such token").digest();

/**
 * Whether a role may do what `needed` may: admin ⊃ planner ⊃ viewer.
 *
 * @example
 * roleAllows("planner", "viewer"); // true
 */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
