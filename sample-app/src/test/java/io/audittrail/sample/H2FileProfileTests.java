package io.audittrail.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code h2-file} profile keeps the data in a file and writes every commit to it
 * before acknowledging it, so a killed process loses no acknowledged write.
 */
class H2FileProfileTests {

	@TempDir
	Path directory;

	@Test
	void fileDatabaseWritesEachCommitAtOnce() {
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.profiles.active=h2-file",
					"CMS_H2_FILE=" + this.directory.resolve("cms").toAbsolutePath())
			.run((context) -> {
				String url = context.getEnvironment().getProperty("spring.datasource.url");
				assertThat(url).startsWith("jdbc:h2:file:" + this.directory.toAbsolutePath());
				assertThat(writeDelay(url)).isEqualTo("0");
			});
	}

	private static String writeDelay(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet setting = statement.executeQuery(
						"select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
			assertThat(setting.next()).isTrue();
			return setting.getString(1);
		}
	}

}
