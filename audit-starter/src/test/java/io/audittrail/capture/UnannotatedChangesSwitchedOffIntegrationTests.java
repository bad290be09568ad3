package io.audittrail.capture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.audittrail.testapp.Article;
import io.audittrail.testapp.ArticleService;
import io.audittrail.testapp.StoredEvents;
import io.audittrail.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestApplication.class, properties = { "audit.entities.record-unannotated=false",
		"spring.datasource.url=jdbc:h2:mem:unannotated-off;DB_CLOSE_DELAY=-1" })
class UnannotatedChangesSwitchedOffIntegrationTests {

	@Autowired
	ArticleService articles;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void entityChangesWithoutAuditedCallAreNotRecorded() {
		Article plain = this.articles.createUnannotated("Plain");
		Article audited = this.articles.create("Audited", "n");

		StoredEvents events = new StoredEvents(this.jdbc);
		assertThat(events.forEntity(plain.getId())).isEmpty();
		assertThat(events.forEntity(audited.getId())).extracting((e) -> e.get("OPERATION"))
			.containsExactly("content.create");
		assertThat(this.jdbc.queryForObject("select count(*) from article_aud where id = ?", Long.class, plain.getId()))
			.isOne();
	}

}
