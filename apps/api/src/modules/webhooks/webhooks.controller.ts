import { controller } from '../../common/controller.js';
import { WebhooksService } from './webhooks.service.js';

export const WebhooksController = controller('WebhooksController', WebhooksService, {
  listWebhooks: (webhooks, caller, { query }) => webhooks.list(caller, query),
  createWebhook: (webhooks, caller, { body }) => webhooks.create(caller, body),
  getWebhook: (webhooks, caller, { params }) => webhooks.get(caller, params.id),
  updateWebhook: (webhooks, caller, { params, body }) => webhooks.update(caller, params.id, body),
  deleteWebhook: (webhooks, caller, { params }) => webhooks.delete(caller, params.id),
  listWebhookDeliveries: (webhooks, caller, { params, query }) => webhooks.deliveries(caller, params.id, query),
  redeliverWebhook: (webhooks, caller, { params }) => webhooks.redeliver(caller, params.id, params.deliveryId),
  sendTestWebhook: (webhooks, caller, { params }) => webhooks.sendTest(caller, params.id),
});
