// Wire type of `GET /api/imports` (server: imports/import-history.ts; dashboard: the import page's history).

/** One past import as the history table shows it (CLI imports have no actor and older ones no counts). */
export interface ImportRecord {
  readonly importId: string;
  readonly file: string;
  readonly source: string;
  readonly actor: string | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly rowsRejected: number;
  readonly customersCreated: number | null;
  readonly customersUpdated: number | null;
  readonly customersMerged: number | null;
  readonly orders: number | null;
}
