package io.audittrail.sample.content;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.sample.schema.Api;
import io.audittrail.sample.schema.ApiRepository;
import io.audittrail.sample.schema.Apis;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.CmsServiceRepository;
import io.audittrail.sample.web.NotFoundException;

/**
 * Finds content items, and tells their status before a change for state-dependent
 * operations.
 */
@Component
public class Contents {

	private final CmsServiceRepository services;

	private final ApiRepository apis;

	private final Apis apiLookup;

	private final ContentRepository contents;

	public Contents(CmsServiceRepository services, ApiRepository apis, Apis apiLookup, ContentRepository contents) {
		this.services = services;
		this.apis = apis;
		this.apiLookup = apiLookup;
		this.contents = contents;
	}

	/** The status of a content item, or {@code null} when there is no such item. */
	@Transactional(readOnly = true)
	public ContentStatus statusOf(String serviceId, String endpoint, String contentId) {
		return this.services.findByServiceId(serviceId)
			.flatMap((service) -> this.apis.findByServiceRefAndEndpoint(service.id, endpoint))
			.flatMap((api) -> this.contents.findByApiRefAndContentId(api.id, contentId))
			.map((content) -> content.status)
			.orElse(null);
	}

	/** The content item, or a 404. */
	@Transactional(readOnly = true)
	public Content require(Api api, String contentId) {
		return this.contents.findByApiRefAndContentId(api.id, contentId)
			.orElseThrow(() -> new NotFoundException("Content", contentId));
	}

	/** The API of the service, or a 404. */
	public Api api(CmsService service, String endpoint) {
		return this.apiLookup.require(service, endpoint);
	}

}
