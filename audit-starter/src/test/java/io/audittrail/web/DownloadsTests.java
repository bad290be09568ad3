package io.audittrail.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Slow readers cannot take every database connection: a download beyond the limit is
 * refused with 503, and each download gives its slot back once it ends, however it ends.
 */
class DownloadsTests {

	private final Downloads downloads = new Downloads(2);

	@Test
	void aDownloadBeyondTheLimitIsRefusedUntilOneEnds() throws IOException {
		Downloads.Slot first = this.downloads.take();
		this.downloads.take();

		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(this.downloads::take)
			.satisfies((refused) -> {
				assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(refused.getBody().getDetail()).contains("audit.web.max-concurrent-downloads");
			});

		ResponseEntity<StreamingResponseBody> response = first.respond(new MockHttpServletRequest(),
				(out) -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)), MediaType.TEXT_PLAIN, "log.csv");
		assertThat(this.downloads.available()).isZero();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		response.getBody().writeTo(out);

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,b\n");
		assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("log.csv");
		assertThat(this.downloads.available()).isOne();
	}

	@Test
	void aDownloadThatFailsOrCannotStartGivesItsSlotBackOnce() {
		Downloads.Slot slot = this.downloads.take();
		StreamingResponseBody failing = slot.respond(new MockHttpServletRequest(), (out) -> {
			throw new IOException("the reader went away");
		}, MediaType.TEXT_PLAIN, "log.csv").getBody();

		assertThatIOException().isThrownBy(() -> failing.writeTo(new ByteArrayOutputStream()));
		assertThat(this.downloads.available()).isEqualTo(2);

		slot.release();
		this.downloads.take().release();
		assertThat(this.downloads.available()).isEqualTo(2);
	}

}
