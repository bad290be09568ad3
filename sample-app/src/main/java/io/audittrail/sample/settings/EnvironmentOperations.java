package io.audittrail.sample.settings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.NotFoundException;

/**
 * Additional environments of a service, such as a staging copy with its own domain.
 */
@Service
@Transactional
public class EnvironmentOperations {

	private final Services services;

	private final EnvironmentRepository environments;

	public EnvironmentOperations(Services services, EnvironmentRepository environments) {
		this.services = services;
		this.environments = environments;
	}

	@Audited(value = "environment.create", entityId = "#result?.id", entityName = "#name",
			details = { @Detail(name = "environment_service_id", value = "#result?.environmentServiceId"),
					@Detail(name = "environment_name", value = "#name"),
					@Detail(name = "environment_domain", value = "#result?.domain") })
	public Environment create(String serviceId, String name) {
		CmsService service = this.services.require(serviceId);
		Environment environment = new Environment();
		environment.serviceRef = service.id;
		environment.name = name;
		environment.environmentServiceId = service.serviceId + "-" + name;
		environment.domain = environment.environmentServiceId + ".cms.example.test";
		return this.environments.save(environment);
	}

	@Audited(value = "environment.update_display_settings", entityId = "#environmentId", entityName = "#name",
			details = { @Detail(name = "environment_service_id", value = "#result?.environmentServiceId"),
					@Detail(name = "environment_name", value = "#name"),
					@Detail(name = "environment_domain", value = "#result?.domain") })
	public Environment updateDisplaySettings(String serviceId, Long environmentId, String name, String color) {
		Environment environment = find(serviceId, environmentId);
		environment.name = name;
		environment.color = color;
		return environment;
	}

	@Audited(value = "environment.delete", entityId = "#environmentId", entityName = "#result?.name",
			details = { @Detail(name = "environment_service_id", value = "#result?.environmentServiceId"),
					@Detail(name = "environment_name", value = "#result?.name"),
					@Detail(name = "environment_domain", value = "#result?.domain") })
	public Environment delete(String serviceId, Long environmentId) {
		Environment environment = find(serviceId, environmentId);
		this.environments.delete(environment);
		return environment;
	}

	private Environment find(String serviceId, Long environmentId) {
		return this.environments.findByIdAndServiceRef(environmentId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Environment", environmentId));
	}

}
