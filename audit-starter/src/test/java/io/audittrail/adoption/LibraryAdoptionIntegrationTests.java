package io.audittrail.adoption;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.audittrail.adoption.library.AuthorRepository;
import io.audittrail.adoption.library.LibraryApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example library, adopted by the README's checklist alone: its own forms work as
 * before, each form post gives exactly one entry bound to its revision, and the audit log
 * is signed in to.
 */
@SpringBootTest(classes = LibraryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("library")
class LibraryAdoptionIntegrationTests {

	private static final String AUDITOR = "Basic "
			+ Base64.getEncoder().encodeToString("auditor:auditor-password".getBytes(StandardCharsets.UTF_8));

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private AuthorRepository authors;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void ownFormsWorkWithoutSigningInOrCsrfTokens() throws Exception {
		HttpResponse<String> form = send(get("/authors/new"));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("<form method=\"post\"").doesNotContain("csrf");

		HttpResponse<String> created = send(
				post("/authors/new", Map.of("firstName", "Ada", "lastName", "Lovelace", "city", "London")));
		assertThat(created.statusCode()).isEqualTo(302);
		String author = created.headers().firstValue("Location").orElseThrow();
		assertThat(send(get(URI.create(author).getPath())).body()).isEqualTo("Ada Lovelace (London): ");

		assertThat(send(post(URI.create(author).getPath() + "/edit",
				Map.of("firstName", "Ada", "lastName", "Lovelace", "city", "Marylebone")))
			.statusCode()).isEqualTo(302);
		assertThat(send(get(URI.create(author).getPath())).body()).isEqualTo("Ada Lovelace (Marylebone): ");
	}

	@Test
	void eachFormPostGivesExactlyOneEntryWithItsRevisionAndChanges() throws Exception {
		long last = lastEntryId();
		int author = createAuthor("Mary", "Shelley", "London");
		JsonNode created = single(entriesAfter(last));
		assertThat(created.get("operation").asString()).isEqualTo("author.create");
		assertThat(created.get("entity").get("id").asString()).isEqualTo(String.valueOf(author));
		assertThat(created.get("entity").get("name").asString()).isEqualTo("Shelley");
		JsonNode creation = single(changes(created));
		assertThat(creation.get("entityType").asString()).isEqualTo("Author");
		assertThat(creation.get("kind").asString()).isEqualTo("ADD");
		assertThat(creation.get("after").get("firstName").asString()).isEqualTo("Mary");

		last = lastEntryId();
		send(post("/authors/" + author + "/edit", Map.of("firstName", "Mary", "lastName", "Shelley", "city", "Bath")));
		JsonNode updated = single(entriesAfter(last));
		assertThat(updated.get("operation").asString()).isEqualTo("author.update");
		JsonNode update = single(changes(updated));
		assertThat(update.get("kind").asString()).isEqualTo("MOD");
		assertThat(update.get("changedFields").valueStream().map(JsonNode::asString)).containsExactly("city");
		assertThat(update.get("before").get("city").asString()).isEqualTo("London");
		assertThat(update.get("after").get("city").asString()).isEqualTo("Bath");

		last = lastEntryId();
		send(post("/authors/" + author + "/books/new", Map.of("name", "Frankenstein", "publishedYear", "1818")));
		JsonNode added = single(entriesAfter(last));
		assertThat(added.get("operation").asString()).isEqualTo("author.add_book");
		assertThat(added.get("details").get("book_name").asString()).isEqualTo("Frankenstein");
		assertThat(changes(added))
			.extracting((change) -> change.get("entityType").asString() + " " + change.get("kind").asString())
			.containsExactlyInAnyOrder("Author MOD", "Book ADD");
		assertThat(List.of(created, updated, added)).extracting((entry) -> entry.get("revision").asLong())
			.doesNotContainNull()
			.doesNotHaveDuplicates();
	}

	@Test
	void unannotatedCollectionChangeGivesOneEntryPerEntityOfItsRevision() throws Exception {
		int author = createAuthor("Jane", "Austen", "Steventon");
		send(post("/authors/" + author + "/books/new", Map.of("name", "Emma", "publishedYear", "1815")));
		int book = this.authors.findById(author).orElseThrow().getBooks().get(0).getId();

		long last = lastEntryId();
		assertThat(send(post("/authors/" + author + "/books/" + book + "/delete", Map.of())).statusCode())
			.isEqualTo(302);

		List<JsonNode> entries = entriesAfter(last);
		assertThat(entries)
			.extracting((entry) -> entry.get("operation").asString() + " " + entry.get("entity").get("id").asString())
			.containsExactlyInAnyOrder("author.update " + author, "book.delete " + book);
		assertThat(entries).extracting((entry) -> entry.get("revision").asLong())
			.doesNotContainNull()
			.containsOnly(entries.get(0).get("revision").asLong());
	}

	@Test
	void auditLogAsksAnonymousReadersAndWritersToSignIn() throws Exception {
		HttpResponse<String> list = send(get("/audit/api/events"));
		assertThat(list.statusCode()).isEqualTo(401);
		assertThat(list.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic"));
		assertThat(send(get("/audit/")).statusCode()).isEqualTo(401);
		assertThat(send(HttpRequest.newBuilder(uri("/audit/api/events/1/revert"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build()).statusCode()).isEqualTo(401);

		assertThat(send(signedIn("/audit/api/events")).statusCode()).isEqualTo(200);
		HttpResponse<String> page = send(signedIn("/audit/"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("audit-csrf-token");
	}

	@Test
	void entryWhoseEntityHistoryCannotBeLoadedAnswersAProblemDetail() throws Exception {
		int author = createAuthor("Emily", "Bronte", "Haworth");
		long last = lastEntryId();
		send(post("/authors/" + author + "/edit",
				Map.of("firstName", "Emily", "lastName", "Bronte", "city", "Thornton")));
		long entry = single(entriesAfter(last)).get("id").asLong();
		this.jdbc.execute("alter table authors_aud drop column city");
		try {
			HttpResponse<String> detail = send(signedIn("/audit/api/events/" + entry));
			assertThat(detail.statusCode()).isEqualTo(500);
			assertThat(detail.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = this.json.readTree(detail.body());
			assertThat(problem.get("title").asString()).isEqualTo("The entity changes cannot be loaded");
			assertThat(problem.get("detail").asString()).contains("revision", "CITY", "*_aud tables");
		}
		finally {
			this.jdbc.execute("alter table authors_aud add column city varchar(255)");
		}
	}

	private int createAuthor(String firstName, String lastName, String city) throws Exception {
		HttpResponse<String> created = send(
				post("/authors/new", Map.of("firstName", firstName, "lastName", lastName, "city", city)));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		return Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
	}

	private long lastEntryId() throws Exception {
		JsonNode items = this.json.readTree(send(signedIn("/audit/api/events?limit=1")).body()).get("items");
		return items.isEmpty() ? 0 : items.get(0).get("id").asLong();
	}

	private List<JsonNode> entriesAfter(long id) throws Exception {
		HttpResponse<String> page = send(signedIn("/audit/api/events?limit=500"));
		assertThat(page.statusCode()).isEqualTo(200);
		return this.json.readTree(page.body())
			.get("items")
			.valueStream()
			.filter((item) -> item.get("id").asLong() > id)
			.toList();
	}

	private List<JsonNode> changes(JsonNode entry) throws Exception {
		HttpResponse<String> detail = send(signedIn("/audit/api/events/" + entry.get("id").asLong()));
		assertThat(detail.statusCode()).isEqualTo(200);
		return new ArrayList<>(this.json.readTree(detail.body()).get("changes").valueStream().toList());
	}

	private static <T> T single(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET().build();
	}

	private HttpRequest signedIn(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", AUDITOR).GET().build();
	}

	private HttpRequest post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
