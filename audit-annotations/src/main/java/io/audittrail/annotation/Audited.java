package io.audittrail.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Records each call of the annotated method as an operation of the audit catalog.
 *
 * <p>
 * On a type, every public method is recorded, except methods with their own
 * {@code @Audited}, methods marked {@link NotRecorded} and read-only transactional
 * methods.
 *
 * <pre class="code">
 * &#64;Audited(value = "content.update_publication_date",
 *         entityId = "#contentId",
 *         entityName = "#result.title",
 *         details = &#64;Detail(name = "content_id", value = "#contentId"))
 * public Content updatePublicationDate(String contentId, Instant publishedAt) { ... }
 * </pre>
 *
 * <p>
 * Every expression is a SpEL expression evaluated against the method's parameters
 * ({@code #name}), its return value ({@code #result}, after the call) and the value of
 * {@link #before()} read before the call ({@code #before}). Expressions are parsed once,
 * at start-up; an unknown operation id or a broken expression stops the application.
 */
@API(status = Status.STABLE, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Audited {

	/**
	 * The operation id from the catalog, such as {@code "content.create"}, or a SpEL
	 * template that computes it, such as {@code "#{#before.status ==
	 * 'PUBLISHED_AND_DRAFT' ? 'content.delete_draft' : 'content.update'}"}. Every
	 * operation id written in a template must exist in the catalog too.
	 */
	String value();

	/**
	 * The type of the entity the operation acts on. Defaults to the entity the catalog
	 * names for the operation's target.
	 */
	String entityType() default "";

	/** Expression for the id of the entity the operation acts on. */
	String entityId() default "";

	/** Expression for the display name of the entity the operation acts on. */
	String entityName() default "";

	/**
	 * Expression for the tenant the operation acts in, evaluated before the call.
	 * Defaults to the tenant of the application's {@code TenantResolver}. The Envers
	 * revision of the call's transaction is recorded with it too.
	 */
	String tenant() default "";

	/** Named detail items, each one of the items the catalog lists for the operation. */
	Detail[] details() default {};

	/**
	 * Expression evaluated before the call; its value is available as {@code #before} to
	 * every other expression, so that state-dependent operations can compare old and new
	 * state.
	 */
	String before() default "";

	/**
	 * Expression evaluated after the call; when it is {@code false}, the call is not
	 * recorded. Failed calls are recorded unless the condition reads {@code #result}.
	 */
	String condition() default "";

	/**
	 * Expression yielding a collection or array: one event is recorded per element,
	 * available as {@code #item}. Used for batch operations such as "update multiple
	 * contents".
	 */
	String forEach() default "";

	/** One named detail item of an operation. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({})
	@interface Detail {

		/**
		 * The detail item's name as the catalog lists it, such as {@code "api_key_id"}.
		 */
		String name();

		/** Expression for the item's value; {@code null} values are left out. */
		String value();

	}

}
