package io.audittrail.adoption.library;

import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;

/**
 * The library's forms: each post saves through the repository, with no service layer
 * between.
 */
@Controller
class AuthorController {

	private final AuthorRepository authors;

	AuthorController(AuthorRepository authors) {
		this.authors = authors;
	}

	@GetMapping("/authors/new")
	@ResponseBody
	String creationForm() {
		return """
				<form method="post" action="/authors/new">
				  <input name="firstName"><input name="lastName"><input name="city">
				  <button>Add author</button>
				</form>""";
	}

	@PostMapping("/authors/new")
	@Audited(value = "author.create", entityId = "#author.id", entityName = "#author.lastName",
			condition = "!#binding.hasErrors()")
	public String processCreationForm(Author author, BindingResult binding) {
		if (binding.hasErrors()) {
			return "redirect:/authors/new";
		}
		this.authors.save(author);
		return "redirect:/authors/" + author.getId();
	}

	@GetMapping("/authors/{authorId}")
	@ResponseBody
	String showAuthor(@PathVariable int authorId) {
		Author author = this.authors.findById(authorId).orElseThrow();
		return HtmlUtils.htmlEscape(author.getFirstName() + " " + author.getLastName() + " (" + author.getCity() + "): "
				+ author.getBooks().stream().map(Book::getName).collect(Collectors.joining(", ")));
	}

	@PostMapping("/authors/{authorId}/edit")
	@Audited(value = "author.update", entityId = "#authorId", entityName = "#form.lastName",
			condition = "!#binding.hasErrors()")
	public String processUpdateForm(@PathVariable int authorId, Author form, BindingResult binding) {
		if (binding.hasErrors()) {
			return "redirect:/authors/" + authorId + "/edit";
		}
		Author author = this.authors.findById(authorId).orElseThrow();
		author.setFirstName(form.getFirstName());
		author.setLastName(form.getLastName());
		author.setCity(form.getCity());
		this.authors.save(author);
		return "redirect:/authors/" + authorId;
	}

	@PostMapping("/authors/{authorId}/books/new")
	@Audited(value = "author.add_book", entityId = "#authorId",
			details = @Detail(name = "book_name", value = "#book.name"))
	public String processNewBookForm(@PathVariable int authorId, Book book) {
		Author author = this.authors.findById(authorId).orElseThrow();
		author.addBook(book);
		this.authors.save(author);
		return "redirect:/authors/" + authorId;
	}

	/** Not annotated: its changes are recorded as the entities' generic operations. */
	@PostMapping("/authors/{authorId}/books/{bookId}/delete")
	public String deleteBook(@PathVariable int authorId, @PathVariable int bookId) {
		Author author = this.authors.findById(authorId).orElseThrow();
		author.removeBook(bookId);
		this.authors.save(author);
		return "redirect:/authors/" + authorId;
	}

}
