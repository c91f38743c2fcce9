/** How Dalbit reaches a ClickHouse server (DALBIT_CLICKHOUSE_* in config.ts; docs/deploy-clickhouse.md). */
export interface ClickHouseServerConfig {
  /** `http(s)://host:port`, e.g. `http://localhost:8123`. */
  readonly url: string;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  /** The database Dalbit's tables live in (created by the operator; default: the user's default). */
  readonly database?: string | undefined;
  /** A cluster of `remote_servers`: tables are created ON CLUSTER, sharded by customer. */
  readonly cluster?: string | undefined;
  /** `max_memory_usage` of every statement, in bytes. */
  readonly maxMemoryUsage?: number | undefined;
  readonly requestTimeoutMs?: number | undefined;
  /** HTTP connections to the server at most (reads run side by side on them). */
  readonly maxConnections?: number | undefined;
  /** Rows per INSERT request (default 100,000). */
  readonly insertBatchRows?: number | undefined;
}
