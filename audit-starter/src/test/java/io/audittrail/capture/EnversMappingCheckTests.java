package io.audittrail.capture;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Of the statements Hibernate's schema update would run on Envers' tables, the start-up
 * failure prints those that add a missing table (with its constraints) or column.
 */
class EnversMappingCheckTests {

	@Test
	void keepsMissingTablesWithTheirConstraintsAndMissingColumns() {
		List<String> statements = List.of(
				"create table books_aud (id integer not null, rev bigint not null, revtype tinyint, primary key (rev, id));",
				"alter table if exists authors_aud add column city varchar(255);",
				"alter table if exists books_aud add constraint FK316hyoecbj0yanc4q53mcbrhk foreign key (rev) references audit_revision;",
				"alter table if exists authors_aud add constraint FK3scjp7b517u7oqxwxyfelldxe foreign key (rev) references audit_revision;");

		assertThat(EnversMappingCheck.missingTablesAndColumns(statements)).containsExactly(statements.get(0),
				statements.get(1), statements.get(2));
	}

	@Test
	void leavesForeignKeysOfExistingTablesToTheApplication() {
		assertThat(EnversMappingCheck.missingTablesAndColumns(List
			.of("alter table if exists article_aud add constraint FK4ju224wl7kuem8f4os39dr8ws foreign key (rev) references audit_revision;")))
			.isEmpty();
	}

}
