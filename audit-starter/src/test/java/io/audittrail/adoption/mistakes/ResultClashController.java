package io.audittrail.adoption.mistakes;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;

import io.audittrail.adoption.library.Author;
import io.audittrail.annotation.Audited;

/**
 * A form handler whose binding result is named {@code result}, as generated code and
 * tutorials name it, while its condition reads {@code #result}: the return value, not the
 * parameter.
 */
public class ResultClashController {

	@PostMapping("/authors/new")
	@Audited(value = "author.create", entityId = "#author.id", condition = "!#result.hasErrors()")
	public String processCreationForm(Author author, BindingResult result) {
		return "redirect:/authors/" + author.getId();
	}

}
