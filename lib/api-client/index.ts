// lib/api-client: the browser side of Podtrail's own API.
export { ApiError, retryUnlessClientError } from './api-error';
export {
  fetchBoard,
  fetchHealth,
  fetchPod,
  readHealth,
  postDiagnose,
  podPath,
  streamUrl,
  type BoardFilters,
  type HealthSummary,
  type PodRef,
} from './fetchers';
export { podtrailKeys, boardQuery, healthQuery, podQuery } from './query-keys';
export { useLiveBoard, useLivePod, type LiveResult } from './use-live';
export { useLiveStream, staleAfterMs, type LiveConnection } from './use-live-stream';
