// lib/api-client: the browser side of Podtrail's own API.
export { ApiError, retryUnlessClientError } from './api-error';
export {
  fetchBoard,
  fetchPod,
  postDiagnose,
  podPath,
  streamUrl,
  type BoardFilters,
  type PodRef,
} from './fetchers';
export { podtrailKeys, boardQuery, podQuery } from './query-keys';
export { useLiveBoard, useLivePod, type LiveResult } from './use-live';
export { useLiveStream, staleAfterMs, type LiveConnection } from './use-live-stream';
