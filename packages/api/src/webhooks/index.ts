export { checkHost, isPrivateAddress, RefusedAddressError } from './address';
export { attemptDelivery, type DeliverDeps, retryDelayMs, send } from './deliver';
export { isWebhookEvent, recordConversationDeliveries, type StoredEvent } from './events';
export {
  createWebhook,
  deleteWebhook,
  insertDeliveries,
  listDeliveries,
  listWebhooks,
  type NewDelivery,
  pingWebhook,
  redeliver,
  updateWebhook,
  type WebhookDeps,
} from './manage';
export { DELIVER_TASK, type DeliverPayload, type DeliveryJobs } from './schedule';
export { openSecret, SealingError, sealPlaintextSecrets, sealSecret } from './sealing';
export { newWebhookSecret, signatureHeader, WEBHOOK_SECRET_PREFIX } from './signing';
