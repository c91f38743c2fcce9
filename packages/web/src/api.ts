// The dashboard's API client lives in api/; this module keeps the older import path working.
export { ApiFailure, type ApiIssue, request as api } from './api/client.ts';
export { type Loaded, useApi } from './api/use-api.ts';
