package io.audittrail.sample.schema;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.ConflictException;
import io.audittrail.sample.web.InvalidInputException;
import io.audittrail.sample.web.NotFoundException;

/**
 * Creates and changes APIs, API groups, custom fields and custom statuses.
 */
@Service
@Transactional
public class ApiOperations {

	private static final String RESERVED_ENDPOINT = "services";

	private final Services services;

	private final Apis lookup;

	private final ApiRepository apis;

	private final ApiGroupRepository groups;

	private final CustomFieldRepository fields;

	private final CustomStatusRepository statuses;

	public ApiOperations(Services services, Apis lookup, ApiRepository apis, ApiGroupRepository groups,
			CustomFieldRepository fields, CustomStatusRepository statuses) {
		this.services = services;
		this.lookup = lookup;
		this.apis = apis;
		this.groups = groups;
		this.fields = fields;
		this.statuses = statuses;
	}

	@Audited(value = "api.create", entityId = "#result?.id", entityName = "#name",
			details = { @Detail(name = "api_id", value = "#result?.id"), @Detail(name = "api_name", value = "#name") })
	public Api create(String serviceId, String endpoint, String name, ApiType type, List<FieldSpec> fieldSpecs) {
		CmsService service = this.services.require(serviceId);
		if (RESERVED_ENDPOINT.equals(endpoint)
				|| this.apis.findByServiceRefAndEndpoint(service.id, endpoint).isPresent()) {
			throw new InvalidInputException("endpoint", "the endpoint '" + endpoint + "' is already taken");
		}
		Api api = new Api();
		api.serviceRef = service.id;
		api.endpoint = endpoint;
		api.name = name;
		api.type = type;
		this.apis.save(api);
		for (FieldSpec spec : fieldSpecs) {
			if (this.fields.findByApiRefAndFieldId(api.id, spec.fieldId()).isPresent()) {
				throw new InvalidInputException("fields", "the field id '" + spec.fieldId() + "' is given twice");
			}
			saveField(api, spec);
		}
		return api;
	}

	@Audited(value = "api.update", entityId = "#result?.id", entityName = "#name",
			details = { @Detail(name = "api_id", value = "#result?.id"), @Detail(name = "api_name", value = "#name") })
	public Api update(String serviceId, String endpoint, String name, Long groupId) {
		CmsService service = this.services.require(serviceId);
		Api api = this.lookup.require(service, endpoint);
		if (groupId != null && this.groups.findByIdAndServiceRef(groupId, service.id).isEmpty()) {
			throw new InvalidInputException("groupId", "the service has no API group " + groupId);
		}
		api.name = name;
		api.groupRef = groupId;
		return api;
	}

	@Audited(value = "api.update_description", entityId = "#result?.id", entityName = "#result?.name", details = {
			@Detail(name = "api_id", value = "#result?.id"), @Detail(name = "api_name", value = "#result?.name") })
	public Api updateDescription(String serviceId, String endpoint, String description) {
		Api api = this.lookup.require(this.services.require(serviceId), endpoint);
		api.description = description;
		return api;
	}

	@Audited(value = "api.delete", entityId = "#result?.id", entityName = "#result?.name", details = {
			@Detail(name = "api_id", value = "#result?.id"), @Detail(name = "api_name", value = "#result?.name") })
	public Api delete(String serviceId, String endpoint) {
		Api api = this.lookup.require(this.services.require(serviceId), endpoint);
		if (this.apis.hasContents(api.id)) {
			throw new ConflictException("the API '" + endpoint + "' still has contents: delete them first");
		}
		this.fields.deleteByApiRef(api.id);
		this.statuses.deleteByApiRef(api.id);
		this.apis.delete(api);
		return api;
	}

	@Audited(value = "api_group.create", entityId = "#result?.id", entityName = "#name", details = {
			@Detail(name = "api_group_id", value = "#result?.id"), @Detail(name = "api_group_name", value = "#name") })
	public ApiGroup createGroup(String serviceId, String name) {
		ApiGroup group = new ApiGroup();
		group.serviceRef = this.services.require(serviceId).id;
		group.name = name;
		return this.groups.save(group);
	}

	@Audited(value = "api_group.rename", entityId = "#groupId", entityName = "#name", details = {
			@Detail(name = "api_group_id", value = "#groupId"), @Detail(name = "api_group_name", value = "#name") })
	public ApiGroup renameGroup(String serviceId, Long groupId, String name) {
		ApiGroup group = group(serviceId, groupId);
		group.name = name;
		return group;
	}

	@Audited(value = "api_group.delete", entityId = "#groupId", entityName = "#result?.name",
			details = { @Detail(name = "api_group_id", value = "#groupId"),
					@Detail(name = "api_group_name", value = "#result?.name") })
	public ApiGroup deleteGroup(String serviceId, Long groupId) {
		ApiGroup group = group(serviceId, groupId);
		if (this.apis.existsByGroupRef(groupId)) {
			throw new ConflictException("the API group '" + group.name + "' still holds APIs");
		}
		this.groups.delete(group);
		return group;
	}

	@Audited(value = "custom_field.create", entityId = "#result?.id", entityName = "#spec.name()",
			details = { @Detail(name = "api_id", value = "#result?.apiRef"),
					@Detail(name = "api_name", value = "@apis.name(#result?.apiRef)"),
					@Detail(name = "custom_field_name", value = "#spec.name()") })
	public CustomField createField(String serviceId, String endpoint, FieldSpec spec) {
		Api api = this.lookup.require(this.services.require(serviceId), endpoint);
		if (this.fields.findByApiRefAndFieldId(api.id, spec.fieldId()).isPresent()) {
			throw new InvalidInputException("fieldId", "the API already has a field '" + spec.fieldId() + "'");
		}
		return saveField(api, spec);
	}

	@Audited(value = "custom_field.update", entityId = "#result?.id", entityName = "#name",
			details = { @Detail(name = "api_id", value = "#result?.apiRef"),
					@Detail(name = "api_name", value = "@apis.name(#result?.apiRef)"),
					@Detail(name = "custom_field_name", value = "#name") })
	public CustomField updateField(String serviceId, String endpoint, String fieldId, String name, String kind) {
		CustomField field = field(serviceId, endpoint, fieldId);
		field.name = name;
		field.kind = kind;
		return field;
	}

	@Audited(value = "custom_field.delete", entityId = "#result?.id", entityName = "#result?.name",
			details = { @Detail(name = "api_id", value = "#result?.apiRef"),
					@Detail(name = "api_name", value = "@apis.name(#result?.apiRef)"),
					@Detail(name = "custom_field_name", value = "#result?.name") })
	public CustomField deleteField(String serviceId, String endpoint, String fieldId) {
		CustomField field = field(serviceId, endpoint, fieldId);
		this.fields.delete(field);
		return field;
	}

	@Audited(value = "custom_status.add", entityId = "#result?.id", entityName = "#name",
			details = { @Detail(name = "api_id", value = "#result?.apiRef"),
					@Detail(name = "api_name", value = "@apis.name(#result?.apiRef)"),
					@Detail(name = "custom_status_id", value = "#result?.id"),
					@Detail(name = "custom_status_name", value = "#name") })
	public CustomStatus addStatus(String serviceId, String endpoint, String name, String color) {
		Api api = this.lookup.require(this.services.require(serviceId), endpoint);
		CustomStatus status = new CustomStatus();
		status.apiRef = api.id;
		status.name = name;
		status.color = color;
		return this.statuses.save(status);
	}

	@Audited(value = "custom_status.update", entityId = "#statusId", entityName = "#name",
			details = { @Detail(name = "api_id", value = "#result?.apiRef"),
					@Detail(name = "api_name", value = "@apis.name(#result?.apiRef)"),
					@Detail(name = "custom_status_id", value = "#statusId"),
					@Detail(name = "custom_status_name", value = "#name") })
	public CustomStatus updateStatus(String serviceId, String endpoint, Long statusId, String name, String color) {
		CustomStatus status = status(serviceId, endpoint, statusId);
		status.name = name;
		status.color = color;
		return status;
	}

	@Audited(value = "custom_status.delete", entityId = "#statusId", entityName = "#result?.name",
			details = { @Detail(name = "api_id", value = "#result?.apiRef"),
					@Detail(name = "api_name", value = "@apis.name(#result?.apiRef)"),
					@Detail(name = "custom_status_id", value = "#statusId"),
					@Detail(name = "custom_status_name", value = "#result?.name") })
	public CustomStatus deleteStatus(String serviceId, String endpoint, Long statusId) {
		CustomStatus status = status(serviceId, endpoint, statusId);
		this.statuses.delete(status);
		return status;
	}

	private CustomField saveField(Api api, FieldSpec spec) {
		CustomField field = new CustomField();
		field.apiRef = api.id;
		field.fieldId = spec.fieldId();
		field.name = spec.name();
		field.kind = spec.kind();
		return this.fields.save(field);
	}

	private ApiGroup group(String serviceId, Long groupId) {
		return this.groups.findByIdAndServiceRef(groupId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("API group", groupId));
	}

	private CustomField field(String serviceId, String endpoint, String fieldId) {
		Api api = this.lookup.require(this.services.require(serviceId), endpoint);
		return this.fields.findByApiRefAndFieldId(api.id, fieldId)
			.orElseThrow(() -> new NotFoundException("Custom field", fieldId));
	}

	private CustomStatus status(String serviceId, String endpoint, Long statusId) {
		Api api = this.lookup.require(this.services.require(serviceId), endpoint);
		return this.statuses.findByIdAndApiRef(statusId, api.id)
			.orElseThrow(() -> new NotFoundException("Custom status", statusId));
	}

}
