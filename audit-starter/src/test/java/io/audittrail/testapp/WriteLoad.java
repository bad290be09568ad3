package io.audittrail.testapp;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application under write load until its process is killed: several threads
 * create articles through the audited service, without end. Started in a process of its
 * own by the crash test, with the data source as arguments.
 */
public final class WriteLoad {

	/** Printed once the application writes. */
	public static final String WRITING = "writing under load";

	private WriteLoad() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class).run(args);
		ArticleService articles = context.getBean(ArticleService.class);
		AtomicLong created = new AtomicLong();
		for (int i = 0; i < 4; i++) {
			String writer = "writer-" + i;
			Thread thread = new Thread(() -> {
				while (true) {
					articles.create(writer + " article " + created.incrementAndGet(), "note");
				}
			}, writer);
			thread.start();
		}
		System.out.println(WRITING);
	}

}
