export {
  type JobContext,
  JobEngine,
  type JobEngineOptions,
  type JobName,
  type JobOptions,
  type JobPayloads,
  type TaskHandler,
} from './engine';
