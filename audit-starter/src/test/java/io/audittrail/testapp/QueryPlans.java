package io.audittrail.testapp;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's plan of a prepared statement as a generic plan (the plan it keeps for any
 * parameter values), with sequential scans off so that a usable index shows up even on a
 * small table.
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	/**
	 * @param connection a PostgreSQL connection, left with its settings as they were
	 * @param prepare {@code prepare name(types) as ...}
	 * @param execute {@code execute name(values)}
	 * @return the lines of {@code explain execute ...}
	 */
	public static String genericPlan(Connection connection, String prepare, String execute) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local plan_cache_mode = force_generic_plan");
			statement.execute("set local enable_seqscan = off");
			statement.execute("set local enable_sort = off");
			statement.execute(prepare);
			StringBuilder lines = new StringBuilder();
			try (ResultSet result = statement.executeQuery("explain " + execute)) {
				while (result.next()) {
					lines.append(result.getString(1)).append('\n');
				}
			}
			statement.execute("deallocate all");
			return lines.toString();
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
	}

}
