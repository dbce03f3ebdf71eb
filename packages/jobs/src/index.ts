export {
  type JobContext,
  JobEngine,
  type JobEngineOptions,
  type JobName,
  type JobOptions,
  type JobPayloads,
  type RecurringJobName,
  type TaskHandler,
} from './engine';
