package io.audittrail.benchmarks.http;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API that accepts orders: reads the JSON body and answers with the new order's id.
 */
@RestController
class OrderController {

	private final AtomicLong ids = new AtomicLong();

	@PostMapping("/api/orders")
	@ResponseStatus(HttpStatus.CREATED)
	OrderCreated create(@RequestBody OrderRequest order) {
		return new OrderCreated(this.ids.incrementAndGet(), order.lines().size());
	}

	record OrderRequest(String customer, String email, String cardNumber, String currency, String note, Address shipTo,
			List<Line> lines) {

	}

	record Address(String street, String city, String postalCode, String country) {

	}

	record Line(String sku, String product, int quantity, String unitPrice) {

	}

	record OrderCreated(long id, int lines) {

	}

}
