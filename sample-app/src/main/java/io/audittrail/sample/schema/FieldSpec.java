package io.audittrail.sample.schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A field of an API's schema as a request describes it.
 *
 * @param fieldId the field's id in content data, such as {@code title}
 * @param name the field's display name
 * @param kind what the field holds: text, textArea, richEditor, number, boolean, date,
 * select, media or relation
 */
public record FieldSpec(@NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]*") String fieldId, @NotBlank String name,
		@NotBlank @Pattern(regexp = "text|textArea|richEditor|number|boolean|date|select|media|relation") String kind) {

}
