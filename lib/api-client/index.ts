// lib/api-client: the browser side of Podtrail's own API.
export { ApiError, retryUnlessClientError } from './api-error';
export {
  fetchBoard,
  fetchClusters,
  fetchLog,
  fetchPod,
  fetchWorkload,
  postDiagnose,
  podPath,
  streamUrl,
  type BoardFilters,
  type PodRef,
  type WorkloadRef,
} from './fetchers';
export { podtrailKeys, boardQuery, podQuery, workloadQuery, clustersQuery } from './query-keys';
export { useLiveBoard, useLivePod, type LiveResult } from './use-live';
export { useLiveStream, staleAfterMs, type LiveConnection } from './use-live-stream';
