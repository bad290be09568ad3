package io.audittrail.adoption.library;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small library: authors and their books, edited with HTML forms.
 */
@SpringBootApplication
public class LibraryApplication {

}
