/** Quotes an SQL identifier (names come from the validated config, quoting is belt and braces). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes an SQL string literal, for the few places DuckDB takes no bound parameter (file lists in read_csv). */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
