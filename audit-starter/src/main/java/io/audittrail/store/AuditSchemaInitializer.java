package io.audittrail.store;

import javax.sql.DataSource;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and upgrades the audit log's tables with Flyway, in a history table of their
 * own ({@code audit_schema_history}), so the starter's migrations never mix with the
 * application's.
 */
@API(status = Status.INTERNAL, since = "0.2")
public final class AuditSchemaInitializer implements InitializingBean {

	/** Where the migrations are, per database. */
	public static final String LOCATION = "classpath:db/audit/";

	private final DataSource dataSource;

	public AuditSchemaInitializer(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() {
		AuditDatabase database = AuditDatabase.of(this.dataSource);
		Flyway.configure(getClass().getClassLoader())
			.dataSource(this.dataSource)
			.table("audit_schema_history")
			.locations(LOCATION + database.id())
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
