package io.audittrail.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class EventDigestTests {

	private final EventDigest digest = new EventDigest();

	@Test
	void hashIsStableAcrossReleases() throws SQLException {
		// recomputed outside Java from the documented encoding; a change breaks every stored chain
		assertThat(this.digest.hash(row("editor@demo.test", "Hello"), 7, "ab".repeat(32)))
			.isEqualTo("67fcf8d5f8656509fbd1c24e06989f923788155c10e96c9e41c80bca1ee28770");
	}

	@Test
	void fieldBoundariesAreUnambiguous() throws SQLException {
		assertThat(this.digest.hash(row("editor@demo.testH", "ello"), 7, null))
			.isNotEqualTo(this.digest.hash(row("editor@demo.test", "Hello"), 7, null));
	}

	@Test
	void positionAndPredecessorAreHashed() throws SQLException {
		String hash = this.digest.hash(row("editor@demo.test", "Hello"), 7, null);
		assertThat(this.digest.hash(row("editor@demo.test", "Hello"), 8, null)).isNotEqualTo(hash);
		assertThat(this.digest.hash(row("editor@demo.test", "Hello"), 7, "00".repeat(32))).isNotEqualTo(hash);
	}

	@Test
	void nullDiffersFromEmpty() throws SQLException {
		assertThat(this.digest.hash(row(null, "Hello"), 1, null)).isNotEqualTo(this.digest.hash(row("", "Hello"), 1, null));
	}

	@Test
	void timeIsHashedAsAnInstantWhateverItsOffset() throws SQLException {
		ResultSet utc = row("editor@demo.test", "Hello");
		ResultSet tokyo = row("editor@demo.test", "Hello");
		given(tokyo.getObject(2, OffsetDateTime.class))
			.willReturn(OffsetDateTime.of(2026, 11, 22, 12, 0, 0, 123_456_000, ZoneOffset.ofHours(9)));
		assertThat(this.digest.hash(tokyo, 1, null)).isEqualTo(this.digest.hash(utc, 1, null));
	}

	private static ResultSet row(String actorName, String entityName) throws SQLException {
		ResultSet row = mock(ResultSet.class);
		given(row.getLong(anyInt())).willReturn(0L);
		given(row.getLong(EventDigest.ID)).willReturn(42L);
		given(row.getObject(2, OffsetDateTime.class))
			.willReturn(OffsetDateTime.of(2026, 11, 22, 3, 0, 0, 123_456_000, ZoneOffset.UTC));
		given(row.getString(EventDigest.TENANT)).willReturn("demo");
		given(row.getString(4)).willReturn("content.update");
		given(row.getString(10)).willReturn(actorName);
		given(row.getString(14)).willReturn(entityName);
		given(row.wasNull()).willReturn(true);
		return row;
	}

}
