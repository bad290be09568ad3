package io.audittrail.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.audittrail.core.Action;
import io.audittrail.store.EventFilter;
import io.audittrail.store.PagePosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CursorCodecTests {

	private final CursorCodec codec = new CursorCodec("secret".getBytes(StandardCharsets.UTF_8));

	private final EventFilter filter = new EventFilter(Instant.parse("2026-04-01T00:00:00Z"), null, "editor", null,
			Action.UPDATE, null, null, null, "demo", null, null, null, null, null);

	private final PagePosition position = new PagePosition(Instant.parse("2026-04-02T10:15:30.123456Z"), 4711);

	@Test
	void cursorRoundTripsForTheSameFilter() {
		String cursor = this.codec.encode(this.position, this.filter);

		assertThat(this.codec.decode(cursor, this.filter)).isEqualTo(this.position);
		assertThat(new CursorCodec("secret".getBytes(StandardCharsets.UTF_8)).decode(cursor, this.filter))
			.isEqualTo(this.position);
	}

	@Test
	void cursorIsOpaque() {
		assertThat(this.codec.encode(this.position, this.filter)).doesNotContain("4711")
			.doesNotContain("demo")
			.doesNotContain("2026");
	}

	@Test
	void cursorOfAnotherFilterIsRefused() {
		String cursor = this.codec.encode(this.position, this.filter);

		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(cursor, EventFilter.none()))
			.withMessageContaining("other filters");
	}

	@Test
	void forgedCursorIsRefused() {
		String cursor = this.codec.encode(this.position, this.filter);
		String otherKey = new CursorCodec("other".getBytes(StandardCharsets.UTF_8))
			.encode(new PagePosition(Instant.EPOCH, 1), this.filter);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.decode(
					otherKey.substring(0, otherKey.indexOf('.')) + cursor.substring(cursor.indexOf('.')), this.filter))
			.withMessageContaining("not issued by this server");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(otherKey, this.filter));
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode("garbage", this.filter))
			.withMessageContaining("malformed");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode("!!.??", this.filter));
	}

}
