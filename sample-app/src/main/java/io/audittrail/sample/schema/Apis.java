package io.audittrail.sample.schema;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.web.NotFoundException;

/**
 * Finds the APIs of a service by their endpoint.
 */
@Component
public class Apis {

	private final ApiRepository apis;

	public Apis(ApiRepository apis) {
		this.apis = apis;
	}

	/** The service's API with the given endpoint, or a 404. */
	@Transactional(readOnly = true)
	public Api require(CmsService service, String endpoint) {
		return this.apis.findByServiceRefAndEndpoint(service.id, endpoint)
			.orElseThrow(() -> new NotFoundException("API endpoint", endpoint));
	}

	/**
	 * The name of the API with the given id, for audit details; {@code null} when there
	 * is none.
	 */
	@Transactional(readOnly = true)
	public String name(Long apiId) {
		return (apiId != null) ? this.apis.findById(apiId).map((api) -> api.name).orElse(null) : null;
	}

}
