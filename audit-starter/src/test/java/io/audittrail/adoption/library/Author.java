package io.audittrail.adoption.library;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

/** An author and the books they wrote. */
@Entity
@Table(name = "authors")
@Audited
public class Author extends Person {

	@Column(name = "city")
	private String city;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "author_id")
	@OrderBy("name")
	private final List<Book> books = new ArrayList<>();

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public List<Book> getBooks() {
		return this.books;
	}

	public void addBook(Book book) {
		this.books.add(book);
	}

	public void removeBook(int bookId) {
		this.books.removeIf((book) -> book.getId() == bookId);
	}

}
