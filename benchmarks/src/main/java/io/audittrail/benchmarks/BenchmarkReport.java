package io.audittrail.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.audittrail.benchmarks.app.Database;
import io.audittrail.benchmarks.http.HttpRecordingBenchmark;
import io.audittrail.benchmarks.read.AuditLogSeed;
import io.audittrail.benchmarks.read.EvidenceBenchmark;
import io.audittrail.benchmarks.read.HeapGrowthProfiler;
import io.audittrail.benchmarks.read.ReadBenchmark;
import io.audittrail.benchmarks.seal.SealCpu;
import io.audittrail.benchmarks.stream.RelayProfiler;
import io.audittrail.benchmarks.stream.StreamBenchmark;
import io.audittrail.benchmarks.write.WriteBenchmark;

/**
 * Runs the benchmarks with JMH and prints their figures, the ratios of the quality bars
 * and whether each bar is met, as Markdown. The optional argument is a regular expression
 * that selects the benchmarks to run (JMH's include pattern, e.g. {@code Aspect} or
 * {@code WriteBenchmark.update}), optionally followed by parameter values that narrow
 * them, e.g. {@code "WriteBenchmark database=H2 size=3"}.
 */
public final class BenchmarkReport {

	private static final String WRITES = WriteBenchmark.class.getName();

	private static final String STREAM = StreamBenchmark.class.getName();

	private static final Duration STREAM_ITERATION = Duration.ofSeconds(10);

	private static final List<Integer> SIZES = List.of(3, 13);

	private static final Duration WARM_UP_PER_MODE = Duration.ofSeconds(5);

	static final String COMMAND = "mvn -B -q -pl benchmarks -am package -DskipTests -Pbenchmarks";

	private BenchmarkReport() {
	}

	public static void main(String[] args) throws RunnerException {
		String selection = String.join(" ", args).trim();
		String[] words = selection.isEmpty() ? new String[] { ".*" } : selection.split("\\s+");
		String include = words[0];
		ChainedOptionsBuilder builder = new OptionsBuilder().include(include);
		for (int i = 1; i < words.length; i++) {
			String[] parameter = words[i].split("=", 2);
			if (parameter.length != 2) {
				throw new IllegalArgumentException("A parameter must read name=value[,value...]: " + words[i]);
			}
			builder.param(parameter[0], parameter[1].split(","));
		}
		Pattern included = Pattern.compile(include);
		boolean writes = Stream.of("create", "update", "delete")
			.anyMatch((operation) -> included.matcher(WRITES + "." + operation).find());
		boolean reads = ReadBenchmark.selectedBy(included) || EvidenceBenchmark.selectedBy(included);
		boolean http = included.matcher(HttpRecordingBenchmark.class.getName() + ".recordedRequests").find();
		boolean stream = StreamBenchmark.selectedBy(included);
		List<Database> databases = databases(builder.build());
		boolean sealCpu = included.matcher(SealCpu.class.getName()).find() && databases.contains(Database.POSTGRESQL);
		if ((writes || reads || http || stream) && databases.contains(Database.POSTGRESQL)) {
			// one PostgreSQL server for the whole run; each benchmark creates its own
			// database in it
			builder.jvmArgsAppend("-D" + Database.POSTGRES_PORT_PROPERTY + "=" + Database.postgresPort());
		}
		if (reads) {
			builder.addProfiler(HeapGrowthProfiler.class);
		}
		builder.warmupIterations(2)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(3)
			.measurementTime(TimeValue.seconds(1))
			.addProfiler(GCProfiler.class)
			.shouldFailOnError(true)
			.verbosity(VerboseMode.SILENT);
		Instant started = Instant.now();
		double loadBefore = loadAverage();
		PrintStream out = System.out;
		out.println("Running benchmarks matching '" + include + "' ...");
		List<RoundTripCount.Count> roundTrips = List.of();
		List<RunResult> results = new ArrayList<>();
		List<AuditLogSeed.Seeding> seedings = List.of();
		if (reads) {
			// first, while this JVM's heap is empty: loading H2 uses a large page cache
			out.println("Loading the audit log the read benchmarks read ...");
			seedings = databases.stream().map(AuditLogSeed::ensure).toList();
		}
		if (writes) {
			out.println("Counting JDBC round trips per transaction ...");
			roundTrips = RoundTripCount.measure(databases, SIZES);
			out.println("Warming up the writes of every mode for " + WARM_UP_PER_MODE.toSeconds() + " s each ...");
			WriteWarmUp.run(databases, SIZES, WARM_UP_PER_MODE);
			// in this JVM, on the code the warm-up compiled
			Options options = new OptionsBuilder().parent(builder.build())
				.exclude("^(?!" + Pattern.quote(WRITES) + ")")
				.forks(0)
				.build();
			results.addAll(new Runner(options).run());
		}
		Options others = new OptionsBuilder().parent(builder.build())
			.exclude(Pattern.quote(WRITES))
			.exclude(Pattern.quote(STREAM))
			.forks(1)
			// first, so that a benchmark's @Fork(jvmArgs) can set a smaller heap
			.jvmArgsPrepend("-Xms1g", "-Xmx1g")
			.build();
		try {
			results.addAll(new Runner(others).run());
		}
		catch (NoBenchmarksException ex) {
			// the selection names write or stream benchmarks only
		}
		if (stream) {
			// iterations long enough for several passes of the sealer and the relay (1 s
			// apart each)
			Options options = new OptionsBuilder().parent(builder.build())
				.exclude("^(?!" + Pattern.quote(STREAM) + ")")
				.forks(1)
				.jvmArgsPrepend("-Xms1g", "-Xmx1g")
				.warmupIterations(1)
				.warmupTime(TimeValue.seconds(STREAM_ITERATION.toSeconds()))
				.measurementIterations(3)
				.measurementTime(TimeValue.seconds(STREAM_ITERATION.toSeconds()))
				.addProfiler(RelayProfiler.class)
				.build();
			results.addAll(new Runner(options).run());
		}
		SealCpu.Result sealing = null;
		if (sealCpu) {
			// last, so that its application does not shape the code the write benchmarks
			// compiled
			out.println("Measuring PostgreSQL's CPU per stored and sealed event ...");
			sealing = SealCpu.measure(out);
		}
		Duration took = Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
		out.println();
		String load = String.format(Locale.ROOT, "; load average (1 min) %.1f at the start, %.1f at the end",
				loadBefore, loadAverage());
		if (results.isEmpty() && sealing != null) {
			out.println("Command: `" + command(selection) + "` (" + took.toMinutes() + " min " + took.toSecondsPart()
					+ " s)\n");
		}
		else {
			out.println(new ResultTable(results, roundTrips).toMarkdown(machine() + load, command(selection), took));
		}
		if (sealing != null) {
			out.println(sealing.toMarkdown());
		}
		if (!seedings.isEmpty()) {
			out.println("Audit log of " + ResultTable.number(AuditLogSeed.EVENTS)
					+ " sealed events for the read benchmarks: "
					+ seedings.stream().map(AuditLogSeed.Seeding::toString).collect(Collectors.joining(", ")));
		}
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static List<Database> databases(Options options) {
		if (!options.getParameter("database").hasValue()) {
			return List.of(Database.values());
		}
		return options.getParameter("database").get().stream().map(Database::valueOf).toList();
	}

	private static String command(String selection) {
		return (selection.isEmpty() || ".*".equals(selection)) ? COMMAND
				: COMMAND + " -Dbenchmarks='" + selection + "'";
	}

	private static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name") + " "
				+ System.getProperty("os.version") + " (" + System.getProperty("os.arch") + "), threads: 1 "
				+ "(HttpRecordingBenchmark: 2), warm-up 2 × 1 s, measurement 3 × 1 s; writes in the report's JVM "
				+ "(-Xmx3g) after a warm-up of " + WARM_UP_PER_MODE.toSeconds() + " s per mode and database, "
				+ "the others in a fork each (-Xmx1g unless noted; StreamBenchmark: warm-up 1 × "
				+ STREAM_ITERATION.toSeconds() + " s, measurement 3 × " + STREAM_ITERATION.toSeconds() + " s)";
	}

}
