package io.audittrail.capture.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServletRequestOriginResolverTests {

	@Test
	void ignoresForwardedForFromUntrustedPeers() {
		ServletRequestOriginResolver resolver = new ServletRequestOriginResolver(List.of("10.0.0.0/8"));

		assertThat(resolver.clientAddress(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void honoursForwardedForFromTrustedProxies() {
		ServletRequestOriginResolver resolver = new ServletRequestOriginResolver(List.of("10.0.0.0/8", "::1"));

		assertThat(resolver.clientAddress(request("10.1.2.3", "198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
		assertThat(resolver.clientAddress(request("::1", "2001:db8::7"))).isEqualTo("2001:db8::7");
	}

	@Test
	void aClientCannotSpoofItsAddressThroughTheHeader() {
		ServletRequestOriginResolver resolver = new ServletRequestOriginResolver(List.of("10.0.0.0/8"));

		assertThat(resolver.clientAddress(request("10.1.2.3", "1.2.3.4, 198.51.100.1"))).isEqualTo("198.51.100.1");
	}

	@Test
	void rejectsMalformedTrustedProxies() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServletRequestOriginResolver(List.of("proxy.example.com")))
			.withMessageContaining("audit.web.trusted-proxies: 'proxy.example.com'");
		assertThatIllegalArgumentException().isThrownBy(() -> new ServletRequestOriginResolver(List.of("10.0.0.0/33")))
			.withMessageContaining("invalid prefix length");
	}

	@Test
	void keepsOneRequestIdPerRequestAndRejectsUnsafeHeaders() {
		MockHttpServletRequest request = request("203.0.113.9", null);
		request.addHeader("X-Request-Id", "<script>");

		String id = ServletRequestOriginResolver.requestId(request);

		assertThat(id).isNotEqualTo("<script>").hasSize(36);
		assertThat(ServletRequestOriginResolver.requestId(request)).isEqualTo(id);
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
