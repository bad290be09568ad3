package io.audittrail.sample.settings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.NotFoundException;

/**
 * Amazon S3 integrations and the AI features of a service.
 */
@Service
@Transactional
public class IntegrationOperations {

	private final Services services;

	private final S3IntegrationRepository integrations;

	private final AiFeatureSettingsRepository aiFeatures;

	public IntegrationOperations(Services services, S3IntegrationRepository integrations,
			AiFeatureSettingsRepository aiFeatures) {
		this.services = services;
		this.integrations = integrations;
		this.aiFeatures = aiFeatures;
	}

	@Audited(value = "s3_integration.create", entityId = "#result?.id", entityName = "#bucket",
			details = @Detail(name = "s3_integration_id", value = "#result?.id"))
	public S3Integration createS3(String serviceId, String bucket, String region, String prefix) {
		S3Integration integration = new S3Integration();
		integration.serviceRef = this.services.require(serviceId).id;
		integration.bucket = bucket;
		integration.region = region;
		integration.prefix = prefix;
		return this.integrations.save(integration);
	}

	@Audited(value = "s3_integration.update", entityId = "#integrationId", entityName = "#bucket",
			details = @Detail(name = "s3_integration_id", value = "#integrationId"))
	public S3Integration updateS3(String serviceId, Long integrationId, String bucket, String region, String prefix) {
		S3Integration integration = s3(serviceId, integrationId);
		integration.bucket = bucket;
		integration.region = region;
		integration.prefix = prefix;
		return integration;
	}

	@Audited(value = "s3_integration.delete", entityId = "#integrationId", entityName = "#result?.bucket",
			details = @Detail(name = "s3_integration_id", value = "#integrationId"))
	public S3Integration deleteS3(String serviceId, Long integrationId) {
		S3Integration integration = s3(serviceId, integrationId);
		this.integrations.delete(integration);
		return integration;
	}

	@Audited(value = "ai_features.update_settings", entityId = "#result?.id", entityName = "#serviceId")
	public AiFeatureSettings updateAiFeatures(String serviceId, boolean enabled, boolean writingAssistant,
			boolean translation) {
		CmsService service = this.services.require(serviceId);
		AiFeatureSettings settings = this.aiFeatures.findByServiceRef(service.id).orElseGet(() -> {
			AiFeatureSettings created = new AiFeatureSettings();
			created.serviceRef = service.id;
			return created;
		});
		settings.enabled = enabled;
		settings.writingAssistant = writingAssistant;
		settings.translation = translation;
		return this.aiFeatures.save(settings);
	}

	private S3Integration s3(String serviceId, Long integrationId) {
		return this.integrations.findByIdAndServiceRef(integrationId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Amazon S3 integration", integrationId));
	}

}
