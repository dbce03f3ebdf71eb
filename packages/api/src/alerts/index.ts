export { feedPosition, listAlerts, markAlertsRead, readAlertsAfter } from './alerts';
export {
  MATCH_TASK,
  MATCHING_SEARCHES,
  MATCHING_SEARCHES_NAIVE,
  type MatchJobPayload,
  matchListings,
} from './match';
export {
  createSavedSearch,
  deleteSavedSearch,
  insertSavedSearch,
  listSavedSearches,
  matchColumns,
  nameFor,
  probeKeys,
  updateSavedSearch,
} from './searches';
export { alertChannel, alertEvents, publishAlerts } from './stream';
