package io.audittrail.benchmarks.aspect;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;

/** An audited call that does no work of its own. */
public class PricingService {

	@Audited(value = "invoice.create", entityId = "#result", details = @Detail(name = "lines", value = "#lines"))
	public long price(long invoice, int lines) {
		return invoice + lines;
	}

}
