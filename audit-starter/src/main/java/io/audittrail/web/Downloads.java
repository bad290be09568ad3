package io.audittrail.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The JSON API's streamed downloads (CSV and JSON-lines exports, evidence bundles). Each
 * holds a database connection for as long as its reader takes to read it, so only so many
 * stream at once on an instance ({@code audit.web.max-concurrent-downloads}): one more is
 * refused with 503 rather than let slow readers take every connection the application
 * has. Thread-safe.
 */
final class Downloads {

	private final Semaphore slots;

	private final int limit;

	Downloads(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("audit.web.max-concurrent-downloads must be at least 1, not " + limit);
		}
		this.slots = new Semaphore(limit);
		this.limit = limit;
	}

	/**
	 * Takes a slot for one download, which the download gives back when it ends.
	 * @throws ErrorResponseException 503 when every slot is taken
	 */
	Slot take() {
		if (!this.slots.tryAcquire()) {
			ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE);
			busy.setDetail(this.limit + " downloads of the audit log are under way on this instance, as many as "
					+ "audit.web.max-concurrent-downloads allows; try again when one has ended.");
			throw busy;
		}
		return new Slot();
	}

	/** How many downloads may start now. */
	int available() {
		return this.slots.availablePermits();
	}

	/** One download's slot: given back once, when the download ends or cannot start. */
	final class Slot {

		private final AtomicBoolean released = new AtomicBoolean();

		/** Gives the slot back; later calls do nothing. */
		void release() {
			if (this.released.compareAndSet(false, true)) {
				Downloads.this.slots.release();
			}
		}

		/**
		 * The response streaming the body as an attachment, which gives the slot back
		 * when the body ends, written or failed.
		 */
		ResponseEntity<StreamingResponseBody> respond(HttpServletRequest request, StreamingResponseBody body,
				MediaType type, String fileName) {
			AsyncWebRequest download = WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest();
			if (download != null) {
				// a large period over a slow link outlasts any request timeout; the
				// download ends with the data
				download.setTimeout(-1L);
			}
			StreamingResponseBody releasing = (output) -> {
				try {
					body.writeTo(output);
				}
				finally {
					release();
				}
			};
			return ResponseEntity.ok()
				.contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(fileName).build().toString())
				.body(releasing);
		}

	}

}
