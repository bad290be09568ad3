package io.audittrail.benchmarks.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sends {@code POST /api/orders} with a JSON body of about 500 bytes through the
 * application's filters, in the order a server would apply them, and its
 * {@code DispatcherServlet}. Thread-safe.
 */
final class OrderRequests {

	/**
	 * An order as a client would send it; {@code cardNumber} is one of the fields masked
	 * by default.
	 */
	static final byte[] BODY = """
			{"customer":"Ada Lovelace","email":"ada.lovelace@example.com","cardNumber":"4111 1111 1111 1111",\
			"currency":"EUR","note":"Leave the parcel with the neighbour if nobody answers the door.",\
			"shipTo":{"street":"12 Analytical Engine Street","city":"London","postalCode":"NW1 6XE","country":"GB"},\
			"lines":[{"sku":"BK-1001","product":"Notes on the Analytical Engine","quantity":2,"unitPrice":"24.90"},\
			{"sku":"BK-2002","product":"Sketch of the Analytical Engine","quantity":1,"unitPrice":"31.50"},\
			{"sku":"PN-0042","product":"Fountain pen, dark blue ink","quantity":3,"unitPrice":"12.00"}]}"""
		.getBytes(StandardCharsets.UTF_8);

	/**
	 * How long the benchmarks send requests before JMH's warm-up at most: the JIT needs
	 * about {@value #JIT_WARM_UP_REQUESTS} requests to compile the whole request path,
	 * far more than JMH's short warm-up iterations send.
	 */
	static final Duration JIT_WARM_UP = Duration.ofSeconds(10);

	static final int JIT_WARM_UP_REQUESTS = 80_000;

	private final MockMvc mvc;

	OrderRequests(WebApplicationContext context) {
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
		for (ServletContextInitializer initializer : new ServletContextInitializerBeans(context)) {
			if (initializer instanceof AbstractFilterRegistrationBean<?> registration && registration.isEnabled()) {
				Filter filter = registration.getFilter();
				builder.addFilters(filter);
			}
		}
		this.mvc = builder.build();
	}

	/**
	 * Sends orders until {@value #JIT_WARM_UP_REQUESTS} are sent or {@link #JIT_WARM_UP}
	 * has passed, so that the JIT has compiled the request path before it is measured.
	 * @return how many orders were sent
	 */
	long warmUp() throws Exception {
		long sent = 0;
		long end = System.nanoTime() + JIT_WARM_UP.toNanos();
		while (sent < JIT_WARM_UP_REQUESTS && System.nanoTime() < end) {
			send();
			sent++;
		}
		return sent;
	}

	/** Sends one order and checks that it was created. */
	void send() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andReturn();
		int status = result.getResponse().getStatus();
		if (status != 201) {
			throw new IllegalStateException(
					"POST /api/orders answered " + status + ": " + result.getResponse().getContentAsString());
		}
	}

}
