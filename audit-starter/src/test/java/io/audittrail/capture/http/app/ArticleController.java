package io.audittrail.capture.http.app;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.audittrail.testapp.Article;
import io.audittrail.testapp.ArticleService;

/**
 * An endpoint that runs an audited operation.
 */
@RestController
class ArticleController {

	private final ArticleService articles;

	ArticleController(ArticleService articles) {
		this.articles = articles;
	}

	@PostMapping("/api/articles")
	ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
		Article article = this.articles.create(String.valueOf(body.get("title")), String.valueOf(body.get("note")));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", article.getId()));
	}

	@PostMapping(path = "/api/articles/import", consumes = "text/plain")
	ResponseEntity<Map<String, Object>> importText(@RequestBody String text) {
		Article article = this.articles.create("imported " + text.length() + " characters", "imported");
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", article.getId()));
	}

}
