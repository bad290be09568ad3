package io.audittrail.sample.schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.NotFoundException;

/**
 * Creates, changes and deletes the webhooks called on content and media changes.
 */
@Service
@Transactional
public class WebhookOperations {

	private final Services services;

	private final Apis apis;

	private final ContentWebhookRepository contentWebhooks;

	private final MediaWebhookRepository mediaWebhooks;

	public WebhookOperations(Services services, Apis apis, ContentWebhookRepository contentWebhooks,
			MediaWebhookRepository mediaWebhooks) {
		this.services = services;
		this.apis = apis;
		this.contentWebhooks = contentWebhooks;
		this.mediaWebhooks = mediaWebhooks;
	}

	@Audited(value = "content_webhook.create", entityId = "#result?.id", entityName = "#name",
			details = { @Detail(name = "api_id", value = "#result?.apiRef"),
					@Detail(name = "api_name", value = "@apis.name(#result?.apiRef)") })
	public ContentWebhook createContentWebhook(String serviceId, String endpoint, String name, String url) {
		CmsService service = this.services.require(serviceId);
		ContentWebhook webhook = new ContentWebhook();
		webhook.serviceRef = service.id;
		webhook.apiRef = this.apis.require(service, endpoint).id;
		webhook.name = name;
		webhook.url = url;
		return this.contentWebhooks.save(webhook);
	}

	@Audited(value = "content_webhook.update", entityId = "#webhookId", entityName = "#name",
			details = { @Detail(name = "api_id", value = "#result?.apiRef"),
					@Detail(name = "api_name", value = "@apis.name(#result?.apiRef)") })
	public ContentWebhook updateContentWebhook(String serviceId, Long webhookId, String name, String url) {
		ContentWebhook webhook = contentWebhook(serviceId, webhookId);
		webhook.name = name;
		webhook.url = url;
		return webhook;
	}

	@Audited(value = "content_webhook.delete", entityId = "#webhookId", entityName = "#result?.name",
			details = { @Detail(name = "api_id", value = "#result?.apiRef"),
					@Detail(name = "api_name", value = "@apis.name(#result?.apiRef)") })
	public ContentWebhook deleteContentWebhook(String serviceId, Long webhookId) {
		ContentWebhook webhook = contentWebhook(serviceId, webhookId);
		this.contentWebhooks.delete(webhook);
		return webhook;
	}

	@Audited(value = "media_webhook.create", entityId = "#result?.id", entityName = "#name")
	public MediaWebhook createMediaWebhook(String serviceId, String name, String url) {
		MediaWebhook webhook = new MediaWebhook();
		webhook.serviceRef = this.services.require(serviceId).id;
		webhook.name = name;
		webhook.url = url;
		return this.mediaWebhooks.save(webhook);
	}

	@Audited(value = "media_webhook.update", entityId = "#webhookId", entityName = "#name")
	public MediaWebhook updateMediaWebhook(String serviceId, Long webhookId, String name, String url) {
		MediaWebhook webhook = mediaWebhook(serviceId, webhookId);
		webhook.name = name;
		webhook.url = url;
		return webhook;
	}

	@Audited(value = "media_webhook.delete", entityId = "#webhookId", entityName = "#result?.name")
	public MediaWebhook deleteMediaWebhook(String serviceId, Long webhookId) {
		MediaWebhook webhook = mediaWebhook(serviceId, webhookId);
		this.mediaWebhooks.delete(webhook);
		return webhook;
	}

	private ContentWebhook contentWebhook(String serviceId, Long webhookId) {
		return this.contentWebhooks.findByIdAndServiceRef(webhookId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Webhook", webhookId));
	}

	private MediaWebhook mediaWebhook(String serviceId, Long webhookId) {
		return this.mediaWebhooks.findByIdAndServiceRef(webhookId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Webhook", webhookId));
	}

}
