import type { DuckDBConnection } from "@duckdb/node-api";

/** What a token may do: read (viewer), also book campaigns (planner), also ingest and run (admin). */
export const ROLES = ["viewer", "planner", "admin"] as const;
/** One of the API roles. */
export type Role = (typeof ROLES)[number];

/** A stored API token: never the token itself, only its SHA-256 hash. */
export interface StoredToken {
  /** Public part of the token, shown by `tokens list` and used to revoke it. */
  id: string;
  role: Role;
  /** SHA-256 of the whole token, hex. */
  hash: string;
  createdAt: string;
  /** Set once revoked; a revoked token is refused. */
  revokedAt: string | null;
  label: string | null;
}

/** The API tokens of a store. */
export interface ApiTokens {
  /** Stores a token's hash; an id stored already is an error. */
  add(token: Omit<StoredToken, "revokedAt">): Promise<void>;
  /** Every token, revoked ones too, oldest first. */
  list(): Promise<StoredToken[]>;
  /** Marks a token revoked; false when no live token has the id. */
  revoke(id: string, at: string): Promise<boolean>;
}

/** The tokens table; migrate() creates it. */
export const CREATE_TOKENS_SQL = `CREATE TABLE IF NOT EXISTS api_tokens (
  id VARCHAR PRIMARY KEY,
  role VARCHAR NOT NULL,
  hash VARCHAR NOT NULL,
  created_at VARCHAR NOT NULL,
  revoked_at VARCHAR,
  label VARCHAR)`;

/**
 * The API tokens table of a store over its DuckDB connection; users reach it as `store.tokens`. Every value
 * goes in as a bound parameter.
 *
 * @example
 * await store.tokens.add({ id: "k3f9a2c1", role: "viewer", hash, createdAt: new Date().toISOString(), label: null });
 * (await store.tokens.list()).length; // 1
 */
export function apiTokensTable(connection: DuckDBConnection, readOnly: boolean): ApiTokens {
  async function hasTable(): Promise<boolean> {
    const reader = await connection.runAndReadAll(
      "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'api_tokens'",
    );
    return Number(reader.getRows()[0][0]) > 0;
  }
  function writable(): void {
    if (readOnly) throw new Error("the store was opened read-only");
  }
  return {
    async add(token) {
      writable();
      const existing = await connection.runAndReadAll("SELECT count(*) FROM api_tokens WHERE id = $id", {
        id: token.id,
      });
      if (Number(existing.getRows()[0][0]) > 0) throw new Error(`token id "${token.id}" is already stored`);
      await connection.run(
        "INSERT INTO api_tokens VALUES ($id, $role, $hash, $createdAt, NULL, $label::VARCHAR)",
        { id: token.id, role: token.role, hash: token.hash, createdAt: token.createdAt, label: token.label },
      );
    },
    async list() {
      if (!(await hasTable())) return [];
      const reader = await connection.runAndReadAll(
        "SELECT id, role, hash, created_at, revoked_at, label FROM api_tokens ORDER BY created_at, id",
      );
      return reader.getRows().map(([id, role, hash, createdAt, revokedAt, label]) => ({
        id: String(id),
        role: String(role) as Role,
        hash: String(hash),
        createdAt: String(createdAt),
        revokedAt: revokedAt === null ? null : String(revokedAt),
        label: label === null ? null : String(label),
      }));
    },
    async revoke(id, at) {
      writable();
      const reader = await connection.runAndReadAll(
        "UPDATE api_tokens SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL RETURNING id",
        { id, at },
      );
      return reader.getRows().length > 0;
    },
  };
}
