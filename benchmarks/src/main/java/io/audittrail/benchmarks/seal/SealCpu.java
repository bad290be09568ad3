package io.audittrail.benchmarks.seal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.audittrail.background.BackgroundSchedule;
import io.audittrail.benchmarks.app.BenchmarkApplication;
import io.audittrail.benchmarks.app.Database;
import io.audittrail.benchmarks.app.Mode;
import io.audittrail.core.Action;
import io.audittrail.core.Actor;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;
import io.audittrail.core.EntityRef;
import io.audittrail.core.Outcome;
import io.audittrail.integrity.AuditIntegrity;
import io.audittrail.integrity.IntegrityReport;
import io.audittrail.store.ChainStore;

/**
 * Measures the CPU time the PostgreSQL server spends per audit event ({@link ServerCpu}),
 * in rounds that each insert events through the starter's {@link AuditEventStore} one per
 * transaction (as the {@code @Audited} writer does) and in transactions of
 * {@value #BATCH_SIZE} (as the HTTP capture writer does), with the starter's background
 * sealer stopped, and then start the sealer until it has sealed every event of the round.
 * The figures count the server's work, not the time it waited for a core. Runs on the
 * embedded PostgreSQL of {@link Database#POSTGRESQL}.
 */
public final class SealCpu {

	/** Measured rounds, after one of warm-up. */
	static final int ROUNDS = 5;

	/** Events inserted one per transaction in each round. */
	static final int SINGLE_EVENTS = 10_000;

	/** Events inserted in transactions of {@value #BATCH_SIZE} in each round. */
	static final int BATCHED_EVENTS = 20_000;

	static final int BATCH_SIZE = 500;

	/** Tenants, each a chain, the events are spread over. */
	static final int TENANTS = 10;

	private static final Duration SEAL_TIMEOUT = Duration.ofMinutes(2);

	private static final String SEALING_SCHEDULE = "auditSealingSchedule";

	/**
	 * The benchmark's own wait for the sealer; it shows in the statements of the sealing.
	 */
	private static final String SEALED_SO_FAR = "select coalesce(sum(seq), 0) from audit_chain_head";

	private final AuditEventStore store;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final BackgroundSchedule sealer;

	private final HikariPoolMXBean pool;

	private final ChainStore chains;

	private final ServerCpu server;

	private long inserted;

	private SealCpu(ConfigurableApplicationContext context) {
		this.store = context.getBean(AuditEventStore.class);
		this.chains = context.getBean(ChainStore.class);
		this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		DataSource dataSource = context.getBean(DataSource.class);
		this.jdbc = new JdbcTemplate(dataSource);
		try {
			this.pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The measurement replaces the connections of a Hikari pool", ex);
		}
		Map<String, BackgroundSchedule> schedules = context.getBeansOfType(BackgroundSchedule.class);
		this.sealer = schedules.get(SEALING_SCHEDULE);
		if (this.sealer == null) {
			throw new IllegalStateException("No bean " + SEALING_SCHEDULE + " among " + schedules.keySet());
		}
		// nothing in the background but the sealer, and the sealer only while it is
		// measured
		schedules.values().forEach(BackgroundSchedule::stop);
		this.server = ServerCpu.ofBackend(this.jdbc.queryForObject("select pg_backend_pid()", Long.class));
	}

	/** Runs the measurement and prints its Markdown. */
	public static void main(String[] args) {
		System.out.println(measure(System.out).toMarkdown());
		System.exit(0);
	}

	/** Runs the measurement, printing progress. */
	public static Result measure(PrintStream progress) {
		Instant started = Instant.now();
		double loadBefore = loadAverage();
		Map<String, Object> properties = Map.of("audit.integrity.seal-interval", "20ms",
				"audit.integrity.checkpoint-interval", "1h");
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(Database.POSTGRESQL, Mode.AUDIT_TRAIL,
				"bench_seal_cpu", properties)) {
			SealCpu measurement = new SealCpu(context);
			progress.println("Warming up with one round ...");
			measurement.round(SINGLE_EVENTS, BATCHED_EVENTS);
			// planner statistics, as autovacuum keeps them on a running server; without
			// them the
			// sealer's reads are planned for empty tables until autovacuum first analyzes
			// them
			measurement.jdbc.execute("analyze");
			List<Round> rounds = new ArrayList<>();
			for (int i = 1; i <= ROUNDS; i++) {
				progress.println("Round " + i + " of " + ROUNDS + " ...");
				rounds.add(measurement.round(SINGLE_EVENTS, BATCHED_EVENTS));
			}
			progress.println("Splitting the sealing's time by statement ...");
			List<StatementTime> statements = measurement.sealingStatements(progress);
			IntegrityReport report = context.getBean(AuditIntegrity.class).verify();
			if (!report.verified() || report.checked() != measurement.inserted || report.unsealed() != 0) {
				throw new IllegalStateException(
						"Of " + measurement.inserted + " events, the chains do not verify: " + report);
			}
			return new Result(rounds, statements, loadBefore, loadAverage(),
					Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS));
		}
	}

	private Round round(int single, int batched) {
		long lastBefore = this.chains.lastEventId();
		ServerCpu.Sample before = this.server.sample();
		for (int i = 0; i < single; i++) {
			List<AuditEvent> events = List.of(event(this.inserted++));
			this.transactions.executeWithoutResult((status) -> this.store.append(events));
		}
		ServerCpu.Sample afterSingle = this.server.sample();
		insertBatched(batched);
		ServerCpu.Sample afterBatched = this.server.sample();
		seal();
		ServerCpu.Sample afterSeal = this.server.sample();
		// the sealer's look at the last minute's events, over this round's
		long unsealed = this.chains.unsealedCount(lastBefore, this.chains.lastEventId());
		ServerCpu.Sample afterCount = this.server.sample();
		if (unsealed != 0) {
			throw new IllegalStateException(unsealed + " events of the round have no seal");
		}
		return new Round(new PerEvent(afterSingle.minus(before), single),
				new PerEvent(afterBatched.minus(afterSingle), batched),
				new PerEvent(afterSeal.minus(afterBatched), single + batched),
				new PerEvent(afterCount.minus(afterSeal), single + batched));
	}

	private void insertBatched(int count) {
		for (int i = 0; i < count; i += BATCH_SIZE) {
			List<AuditEvent> events = new ArrayList<>(BATCH_SIZE);
			for (int j = 0; j < Math.min(BATCH_SIZE, count - i); j++) {
				events.add(event(this.inserted++));
			}
			this.transactions.executeWithoutResult((status) -> this.store.append(events));
		}
	}

	/** Runs the background sealer until every event inserted so far has its seal. */
	private void seal() {
		long deadline = System.nanoTime() + SEAL_TIMEOUT.toNanos();
		this.sealer.start();
		try {
			while (this.jdbc.queryForObject(SEALED_SO_FAR, Long.class) < this.inserted) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"The sealer did not seal " + this.inserted + " events in " + SEAL_TIMEOUT);
				}
				Thread.sleep(20);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the sealer", ex);
		}
		finally {
			this.sealer.stop();
		}
	}

	/**
	 * The statements of one more sealing of {@value #BATCHED_EVENTS} events, by execution
	 * time, as {@code pg_stat_statements} counts them; empty when the server was started
	 * without it.
	 */
	private List<StatementTime> sealingStatements(PrintStream progress) {
		try {
			this.jdbc.execute("create extension if not exists pg_stat_statements");
			this.jdbc.queryForList("select 1 from pg_stat_statements limit 1");
		}
		catch (DataAccessException ex) {
			progress.println("No statement figures: " + ex.getMostSpecificCause().getMessage());
			return List.of();
		}
		insertBatched(BATCHED_EVENTS);
		track(true);
		try {
			this.jdbc.execute("select pg_stat_statements_reset()");
			seal();
			List<StatementTime> statements = this.jdbc.query("""
					select query, calls, total_exec_time from pg_stat_statements
					where dbid = (select oid from pg_database where datname = current_database())
					and query not like '%pg_stat_statements%' and query not like '%pg_reload_conf%'
					""", (row, index) -> new StatementTime(row.getString(1).replaceAll("\\s+", " "), row.getLong(2),
					row.getDouble(3) * 1000 / BATCHED_EVENTS));
			double total = statements.stream().mapToDouble(StatementTime::microsPerEvent).sum();
			return statements.stream()
				.map((statement) -> statement.withShare(statement.microsPerEvent() / total))
				.sorted(Comparator.comparingDouble(StatementTime::microsPerEvent).reversed())
				.toList();
		}
		finally {
			track(false);
		}
	}

	/**
	 * Switches statement tracking on or off for new connections to this database (the
	 * server's command line switches it off, and only a database's settings override it)
	 * and replaces the pool's connections.
	 */
	private void track(boolean on) {
		String database = this.jdbc.queryForObject("select current_database()", String.class);
		this.jdbc.execute("alter database " + database
				+ (on ? " set pg_stat_statements.track = 'top'" : " reset pg_stat_statements.track"));
		this.pool.softEvictConnections();
	}

	/**
	 * An event as the {@code @Audited} writer stores it for a call outside any HTTP
	 * request.
	 */
	private static AuditEvent event(long n) {
		int member = (int) (n % 20);
		return new AuditEvent(null, Instant.now(), "tenant-" + (n % TENANTS), "invoice.update", "invoice",
				Action.UPDATE, Outcome.SUCCESS, Actor.member("member-" + member, "member" + member + "@example.com"),
				"203.0.113.7", new EntityRef("Invoice", Long.toString(n), "Invoice " + n),
				Map.of("number", "INV-" + n, "total", "1234.50", "currency", "EUR"), null, null, null, null);
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * The server's CPU time per event of each phase of one round.
	 *
	 * @param single inserting events in a transaction of their own each
	 * @param batched inserting events in transactions of {@value SealCpu#BATCH_SIZE}
	 * @param seal sealing the events of both
	 * @param count counting the round's events without a seal, as the sealer's look at
	 * the events of the last minute does every 5 s
	 */
	public record Round(PerEvent single, PerEvent batched, PerEvent seal, PerEvent count) {
	}

	/**
	 * The server's CPU time per event of one phase, in microseconds.
	 *
	 * @param total of every process
	 * @param backends of the connections' processes, which run the statements
	 * @param autovacuum of the autovacuum workers
	 */
	public record PerEvent(double total, double backends, double autovacuum) {

		PerEvent(ServerCpu.Sample cpu, int events) {
			this(cpu.total() / (double) events, cpu.backends() / (double) events, cpu.autovacuum() / (double) events);
		}

	}

	/**
	 * One statement of the sealing.
	 *
	 * @param query its normalized text
	 * @param calls how many times it ran
	 * @param microsPerEvent its execution time per sealed event
	 * @param share its part of the execution time of all statements
	 */
	public record StatementTime(String query, long calls, double microsPerEvent, double share) {

		StatementTime(String query, long calls, double microsPerEvent) {
			this(query, calls, microsPerEvent, 0);
		}

		StatementTime withShare(double share) {
			return new StatementTime(this.query, this.calls, this.microsPerEvent, share);
		}

	}

	/**
	 * What the measurement found.
	 *
	 * @param rounds the measured rounds
	 * @param statements the sealing's statements, empty without
	 * {@code pg_stat_statements}
	 * @param loadBefore the load average (1 min) at the start
	 * @param loadAfter the load average at the end
	 * @param took how long it ran, with the application's start
	 */
	public record Result(List<Round> rounds, List<StatementTime> statements, double loadBefore, double loadAfter,
			Duration took) {

		/** The figures as Markdown. */
		public String toMarkdown() {
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "PostgreSQL CPU per event (user + system time of every process of "
					+ "the server, from /proc), %d rounds after one of warm-up, each: %,d events inserted one per "
					+ "transaction, %,d in transactions of %d, then the background sealer until all %,d are sealed "
					+ "(%d tenants); load average (1 min) %.1f at the start, %.1f at the end; %d min %d s:%n%n",
					this.rounds.size(), SINGLE_EVENTS, BATCHED_EVENTS, BATCH_SIZE, SINGLE_EVENTS + BATCHED_EVENTS,
					TENANTS, this.loadBefore, this.loadAfter, this.took.toMinutes(), this.took.toSecondsPart()));
			out.append("| per event | median | min–max | rounds | backends (median) | autovacuum (median) |\n"
					+ "|---|---:|---:|---|---:|---:|\n");
			row(out, "insert, one event per transaction", Round::single);
			row(out, "insert, transactions of " + BATCH_SIZE, Round::batched);
			row(out, "seal", Round::seal);
			row(out, "count of the unsealed (one pass)", Round::count);
			if (!this.statements.isEmpty()) {
				out.append("\nThe sealing's statements (pg_stat_statements, one more sealing of ")
					.append(String.format(Locale.ROOT, "%,d", BATCHED_EVENTS))
					.append(" events; execution time, which includes waiting for a core on a loaded machine):\n\n")
					.append("| statement | calls | µs per event | share |\n|---|---:|---:|---:|\n");
				for (StatementTime statement : this.statements) {
					String query = (statement.query().length() > 120) ? statement.query().substring(0, 117) + "..."
							: statement.query();
					out.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f | %.0f%% |%n", query.replace("|", "\\|"),
							statement.calls(), statement.microsPerEvent(), statement.share() * 100));
				}
			}
			return out.toString();
		}

		private void row(StringBuilder out, String name, Function<Round, PerEvent> phase) {
			double[] totals = sorted(phase.andThen(PerEvent::total));
			out.append(String.format(Locale.ROOT, "| %s | %.1f µs | %.1f–%.1f µs | %s | %.1f µs | %.1f µs |%n", name,
					median(totals), totals[0], totals[totals.length - 1],
					this.rounds.stream()
						.map((round) -> String.format(Locale.ROOT, "%.1f", phase.apply(round).total()))
						.collect(Collectors.joining(", ")),
					median(sorted(phase.andThen(PerEvent::backends))),
					median(sorted(phase.andThen(PerEvent::autovacuum)))));
		}

		private double[] sorted(Function<Round, Double> figure) {
			return this.rounds.stream().mapToDouble(figure::apply).sorted().toArray();
		}

		private static double median(double[] sorted) {
			return sorted[sorted.length / 2];
		}

	}

}
