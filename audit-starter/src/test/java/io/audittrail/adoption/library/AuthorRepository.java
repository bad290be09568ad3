package io.audittrail.adoption.library;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Authors, saved straight from the controller. */
public interface AuthorRepository extends JpaRepository<Author, Integer> {

	List<Author> findByLastNameStartingWith(String lastName);

}
