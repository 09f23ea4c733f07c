export interface Migration {
  /** Increasing integer; recorded in schema_migrations once applied. */
  version: number;
  name: string;
  sql: string;
}
