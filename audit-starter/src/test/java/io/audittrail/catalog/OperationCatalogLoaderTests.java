package io.audittrail.catalog;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.audittrail.core.Action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OperationCatalogLoaderTests {

	private final OperationCatalogLoader loader = new OperationCatalogLoader(new PathMatchingResourcePatternResolver());

	@Test
	void mergesTheStarterCatalogWithTheApplicationCatalog() {
		OperationCatalog catalog = this.loader.load(List.of(OperationCatalogLoader.DEFAULT_LOCATION));

		assertThat(catalog.find("audit.export"))
			.hasValueSatisfying((op) -> assertThat(op.action()).isEqualTo(Action.OTHER));
		assertThat(catalog.find("content.delete_draft")).hasValueSatisfying((op) -> {
			assertThat(op.target()).isEqualTo("content");
			assertThat(op.details()).containsExactly("content_id");
		});
		assertThat(catalog.detailItems()).contains("reverted_event_id", "content_id", "note");
		assertThat(catalog.entityTypeOf("content")).isEqualTo("Article");
	}

	@Test
	void labelsOperationsInEnglishAndJapanese() {
		OperationCatalog catalog = this.loader.load(List.of(OperationCatalogLoader.DEFAULT_LOCATION));

		assertThat(catalog.operationLabel("content.delete_draft", Locale.ENGLISH)).isEqualTo("Content: Delete draft");
		assertThat(catalog.operationLabel("content.delete_draft", Locale.JAPANESE)).isEqualTo("コンテンツ: 下書きの削除");
		assertThat(catalog.operationLabel("content.delete_draft", Locale.GERMAN)).isEqualTo("Content: Delete draft");
		assertThat(catalog.detailLabel("content_id", Locale.JAPAN)).isEqualTo("対象コンテンツID");
	}

	@Test
	void namesGenericOperationsForEntitiesWithoutCatalogEntries() {
		OperationCatalog catalog = this.loader.load(List.of(OperationCatalogLoader.DEFAULT_LOCATION));

		OperationDefinition generic = catalog.entityOperation("BlogPost", Action.UPDATE);
		assertThat(generic.id()).isEqualTo("blog_post.update");
		assertThat(catalog.operationLabel(generic.id(), Locale.ENGLISH)).isEqualTo("blog_post: Updated");
		assertThat(catalog.entityOperation("Article", Action.CREATE).id()).isEqualTo("content.create");
	}

	@Test
	void rejectsAnOperationDeclaredTwice() {
		assertThatExceptionOfType(CatalogException.class)
			.isThrownBy(
					() -> this.loader.load(List.of("classpath:audit/operations.yml", "classpath:audit/operations.yml")))
			.withMessageContaining("operation 'content.create' is already declared in");
	}

	@Test
	void rejectsADetailItemNoListDeclares() {
		assertThatExceptionOfType(CatalogException.class)
			.isThrownBy(() -> this.loader.load(List.of("classpath:catalogs/undeclared-detail.yml")))
			.withMessageContaining("undeclared-detail.yml line 5: operation 'thing.create' names detail item 'b'");
	}

	@Test
	void readsTheAuthorityARevertOfAnOperationNeeds() {
		OperationCatalog catalog = this.loader.load(List.of(OperationCatalogLoader.DEFAULT_LOCATION));

		assertThat(catalog.find("content.review")).get()
			.extracting(OperationDefinition::authority)
			.isEqualTo("moderateReviews");
		assertThat(catalog.find("content.update")).get().extracting(OperationDefinition::authority).isNull();
		assertThat(catalog.revertAuthorityOfEntity("Article")).isNull();
	}

	@Test
	void rejectsAnEmptyAuthority() {
		assertThatExceptionOfType(CatalogException.class)
			.isThrownBy(() -> this.loader.load(List.of("classpath:catalogs/empty-authority.yml")))
			.withMessageContaining("empty-authority.yml line 3: authority must name an authority");
	}

}
