package io.audittrail.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.audittrail.web.FieldChanges.FieldChange;

import static org.assertj.core.api.Assertions.assertThat;

class FieldChangesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final FieldChanges fields = new FieldChanges(this.json);

	@Test
	void aJsonTextAttributeIsComparedMemberByMember() {
		EntityChange change = change("MOD",
				"{\"status\":\"DRAFT\",\"data\":\"{\\\"title\\\":\\\"Hello\\\",\\\"body\\\":\\\"x\\\"}\"}",
				"{\"status\":\"DRAFT\",\"data\":\"{\\\"title\\\":\\\"Hello 2\\\",\\\"body\\\":\\\"x\\\"}\"}");

		List<FieldChange> all = this.fields.of(change);

		assertThat(all).extracting(FieldChange::path).containsExactly("status", "data.title", "data.body");
		assertThat(all.get(1).changed()).isTrue();
		assertThat(all.get(1).before().asString()).isEqualTo("Hello");
		assertThat(all.get(1).after().asString()).isEqualTo("Hello 2");
		assertThat(this.fields.changedPaths(change)).containsExactly("data.title");
	}

	@Test
	void aRelationStaysWholeAndAMemberOnlyOnOneSideIsChanged() {
		EntityChange change = change("MOD", "{\"owner\":{\"id\":1,\"name\":\"A\"},\"data\":\"{}\"}",
				"{\"owner\":{\"id\":2,\"name\":\"B\"},\"data\":\"{\\\"added\\\":true}\"}");

		assertThat(this.fields.changedPaths(change)).containsExactly("owner", "data.added");
	}

	@Test
	void textThatOnlyLooksLikeJsonIsComparedAsText() {
		EntityChange change = change("MOD", "{\"note\":\"{not json}\"}", "{\"note\":\"{still not}\"}");

		assertThat(this.fields.changedPaths(change)).containsExactly("note");
	}

	@Test
	void aCreationMarksNoFieldAsChanged() {
		EntityChange change = change("ADD", null, "{\"title\":\"New\",\"data\":\"{\\\"a\\\":1}\"}");

		assertThat(this.fields.of(change)).extracting(FieldChange::path).containsExactly("title", "data.a");
		assertThat(this.fields.of(change)).noneMatch(FieldChange::changed);
		assertThat(this.fields.changedPaths(change)).containsExactly("title", "data.a");
	}

	private EntityChange change(String kind, String before, String after) {
		JsonNode was = (before != null) ? this.json.readTree(before) : null;
		JsonNode is = (after != null) ? this.json.readTree(after) : null;
		return new EntityChange("Content", "1", kind, was, is, List.of());
	}

}
