package io.audittrail.capture;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.audittrail.testapp.ArticleService;
import io.audittrail.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestApplication.class)
class RevisionInsertCompletionIntegrationTests {

	@Autowired
	private ArticleService articles;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void revisionRowNamesEveryEntityTypeOfItsTransaction() {
		this.articles.create("Batched", "first note");
		String entityTypes = this.jdbc.queryForObject(
				"select entity_types from audit_revision where id = (select max(id) from audit_revision)",
				String.class);
		assertThat(Set.of(entityTypes.split(","))).containsExactlyInAnyOrder("Article", "Note");
	}

}
