import { defineAlertTasks } from './alerts/task';
import { defineSessionTasks } from './chat/sweep-task';
import type { ApiServices } from './context';
import { defineInboxTasks } from './handoff/prune';
import { defineRunTasks } from './runs/watchdog';
import { defineWebhookTasks } from './webhooks/tasks';

/**
 * Registers the API's tasks on the job engine; the server calls it once, before the
 * engine starts. A domain with durable background work (run watchdog, idle sessions,
 * webhook deliveries, alerts, inbox pruning) defines its task in its own folder and adds
 * one line here.
 */
export function defineTasks(services: ApiServices): void {
  defineRunTasks(services);
  defineSessionTasks(services);
  defineAlertTasks(services);
  defineWebhookTasks(services);
  defineInboxTasks(services);
}
