package io.audittrail.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

import io.audittrail.benchmarks.read.AuditLogSeed;
import io.audittrail.benchmarks.read.HeapGrowthProfiler;
import io.audittrail.benchmarks.read.ReadBenchmark;
import io.audittrail.benchmarks.stream.RelayProfiler;

/**
 * The benchmark results as Markdown: every figure with its spread, the ratios between
 * audit modes, and each quality bar with whether it is met.
 */
final class ResultTable {

	private static final String WRITE = "WriteBenchmark";

	private static final String ASPECT = "AspectBenchmark";

	private static final List<String> MODES = List.of("NONE", "ENVERS", "JAVERS", "AUDIT_TRAIL");

	private static final Map<String, Double> AUDITED_SHARE_BARS = Map.of("create", 0.70, "update", 0.90);

	private static final double ASPECT_COST_BAR_NANOS = 2_000;

	private static final String READ = "ReadBenchmark";

	private static final double FIRST_PAGE_BAR_MILLIS = 20;

	private static final double EXPORT_ROWS_BAR = 200_000;

	private static final double EXPORT_HEAP_BAR_MB = 64;

	private static final String EVIDENCE = "EvidenceBenchmark";

	private static final String HTTP_RECORDING = "HttpRecordingBenchmark";

	private static final String HTTP_OVERHEAD = "HttpCaptureOverheadBenchmark";

	private static final double HTTP_RECORDED_BAR = 20_000;

	private static final String STREAM = "StreamBenchmark";

	private final List<Figure> figures;

	private final List<String> bars = new ArrayList<>();

	private final List<RoundTripCount.Count> roundTrips;

	private final Map<Figure, RunResult> readResults;

	private final Map<Figure, RunResult> streamResults;

	ResultTable(Collection<RunResult> results, List<RoundTripCount.Count> roundTrips) {
		this.figures = results.stream().map(Figure::of).toList();
		this.roundTrips = roundTrips;
		this.readResults = results.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + READ + ".export")
					|| result.getParams().getBenchmark().endsWith("." + EVIDENCE + ".bundles"))
			.collect(Collectors.toMap(Figure::of, (result) -> result));
		this.streamResults = results.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + STREAM + ".write"))
			.collect(Collectors.toMap(Figure::of, (result) -> result));
	}

	String toMarkdown(String machine, String command, Duration took) {
		StringBuilder out = new StringBuilder();
		out.append("Machine: ").append(machine).append("\n\n");
		out.append("Command: `")
			.append(command)
			.append("` (")
			.append(took.toMinutes())
			.append(" min ")
			.append(took.toSecondsPart())
			.append(" s)\n\n");
		appendFigures(out);
		appendWriteRatios(out);
		appendRoundTrips(out);
		appendAspectCost(out);
		appendReadFigures(out);
		appendEvidenceFigures(out);
		appendHttpCapture(out);
		appendStreamFigures(out);
		if (!this.bars.isEmpty()) {
			out.append("\n| bar | measured | required | met |\n|---|---:|---:|---|\n");
			this.bars.forEach((bar) -> out.append(bar).append('\n'));
		}
		return out.toString();
	}

	private void appendFigures(StringBuilder out) {
		out.append("| benchmark | parameters | score | ± error (99.9%) | median | min–max | unit | allocated B/op |\n");
		out.append("|---|---|---:|---:|---:|---:|---|---:|\n");
		for (Figure figure : this.figures) {
			out.append("| ")
				.append(figure.name())
				.append(" | ")
				.append(figure.describeParameters())
				.append(" | ")
				.append(number(figure.score()))
				.append(" | ")
				.append(number(figure.error()))
				.append(" | ")
				.append(number(figure.median()))
				.append(" | ")
				.append(number(figure.min()))
				.append('–')
				.append(number(figure.max()))
				.append(" | ")
				.append(figure.unit())
				.append(" | ")
				.append(number(figure.allocated()))
				.append(" |\n");
		}
	}

	private void appendWriteRatios(StringBuilder out) {
		Map<String, List<Figure>> groups = this.figures.stream()
			.filter((figure) -> figure.benchmark().equals(WRITE))
			.collect(Collectors.groupingBy(
					(figure) -> figure.parameter("database") + " " + figure.method() + " " + figure.parameter("size"),
					LinkedHashMap::new, Collectors.toList()));
		if (groups.isEmpty()) {
			return;
		}
		out.append(
				"\nThroughput of each mode relative to no auditing, and of this starter relative to Envers alone:\n\n");
		out.append(
				"| database | operation | entities | ENVERS/NONE | JAVERS/NONE | AUDIT_TRAIL/NONE | AUDIT_TRAIL/ENVERS |\n");
		out.append("|---|---|---:|---:|---:|---:|---:|\n");
		groups.forEach((key, group) -> {
			Map<String, Double> scores = group.stream()
				.collect(Collectors.toMap((figure) -> figure.parameter("mode"), Figure::score));
			Figure first = group.get(0);
			String operation = first.method();
			Optional<Double> envers = ratio(scores, "ENVERS", "NONE");
			Optional<Double> auditTrail = ratio(scores, "AUDIT_TRAIL", "NONE");
			Optional<Double> versusEnvers = ratio(scores, "AUDIT_TRAIL", "ENVERS");
			out.append("| ")
				.append(first.parameter("database"))
				.append(" | ")
				.append(operation)
				.append(" | ")
				.append(first.parameter("size"))
				.append(" | ")
				.append(percent(envers))
				.append(" | ")
				.append(percent(ratio(scores, "JAVERS", "NONE")))
				.append(" | ")
				.append(percent(auditTrail))
				.append(" | ")
				.append(percent(versusEnvers))
				.append(" |\n");
			String subject = first.parameter("database") + " " + operation + ", " + first.parameter("size")
					+ " entities";
			Double share = AUDITED_SHARE_BARS.get(operation);
			if (share != null && auditTrail.isPresent()) {
				bar("AUDIT_TRAIL/NONE, " + subject, percent(auditTrail), "≥ " + percent(Optional.of(share)),
						auditTrail.get() >= share);
			}
			versusEnvers.ifPresent(
					(value) -> bar("AUDIT_TRAIL/ENVERS, " + subject, percent(versusEnvers), "≥ 100%", value >= 1.0));
		});
	}

	private void appendRoundTrips(StringBuilder out) {
		if (this.roundTrips.isEmpty()) {
			return;
		}
		out.append("\nJDBC round trips per transaction (statements, batches and the commit; counted over ")
			.append(RoundTripCount.TRANSACTIONS)
			.append(" transactions):\n\n");
		out.append("| database | operation | entities | NONE | ENVERS | JAVERS | AUDIT_TRAIL |\n");
		out.append("|---|---|---:|---:|---:|---:|---:|\n");
		Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
		this.roundTrips.forEach(
				(count) -> rows
					.computeIfAbsent(count.database() + " | " + count.operation() + " | " + count.size(),
							(key) -> new LinkedHashMap<>())
					.put(count.mode().name(), count.perTransaction()));
		rows.forEach((key, modes) -> {
			out.append("| ").append(key);
			MODES.forEach((mode) -> out.append(" | ").append(number(modes.getOrDefault(mode, Double.NaN))));
			out.append(" |\n");
		});
	}

	private void appendAspectCost(StringBuilder out) {
		Optional<Figure> audited = find(ASPECT, "auditedCall");
		Optional<Figure> plain = find(ASPECT, "plainCall");
		if (audited.isPresent() && plain.isPresent()) {
			double cost = audited.get().score() - plain.get().score();
			out.append("\nAspect cost of an audited call that writes nothing: ").append(number(cost)).append(" ns\n");
			bar("aspect cost of an audited call that writes nothing", number(cost) + " ns",
					"≤ " + number(ASPECT_COST_BAR_NANOS) + " ns", cost <= ASPECT_COST_BAR_NANOS);
		}
	}

	private void appendReadFigures(StringBuilder out) {
		Map<String, List<Figure>> databases = this.figures.stream()
			.filter((figure) -> figure.benchmark().equals(READ))
			.collect(Collectors.groupingBy((figure) -> figure.parameter("database"), LinkedHashMap::new,
					Collectors.toList()));
		if (databases.isEmpty()) {
			return;
		}
		double events = AuditLogSeed.EVENTS;
		out.append("\nReading ")
			.append(number(events))
			.append(" sealed events (medians), as a reader of every tenant: ")
			.append("the list's first page of 50 with two filters; the CSV export of every event, in a JVM of -Xmx")
			.append(ReadBenchmark.EXPORT_HEAP)
			.append(", with the growth of the heap left after garbage collections ")
			.append("(largest of the iterations) and the bytes allocated per row; the verification of every chain:\n\n");
		out.append("| database | first page, tenant + operation | first page, tenant + actor | CSV export ")
			.append("| export heap growth | export allocation | verification |\n|---|---:|---:|---:|---:|---:|---:|\n");
		databases.forEach((database, group) -> {
			Optional<Figure> byOperation = group.stream()
				.filter((figure) -> figure.method().equals("firstPage")
						&& figure.parameter("pair").equals("TENANT_OPERATION"))
				.findFirst();
			Optional<Figure> byActor = group.stream()
				.filter((figure) -> figure.method().equals("firstPage")
						&& figure.parameter("pair").equals("TENANT_ACTOR"))
				.findFirst();
			Optional<Figure> export = group.stream().filter((figure) -> figure.method().equals("export")).findFirst();
			Optional<Figure> verify = group.stream().filter((figure) -> figure.method().equals("verify")).findFirst();
			Optional<Double> rowsPerSecond = export.map((figure) -> events / figure.median());
			Optional<Double> growth = export.map(this.readResults::get)
				.map((result) -> result.getSecondaryResults().get(HeapGrowthProfiler.GROWTH))
				.map(Result::getScore);
			out.append("| ")
				.append(database)
				.append(" | ")
				.append(byOperation.map((figure) -> number(figure.median()) + " ms").orElse("–"))
				.append(" | ")
				.append(byActor.map((figure) -> number(figure.median()) + " ms").orElse("–"))
				.append(" | ")
				.append(rowsPerSecond.map((rows) -> number(rows) + " rows/s").orElse("–"))
				.append(" | ")
				.append(growth.map((megabytes) -> number(megabytes) + " MB").orElse("–"))
				.append(" | ")
				.append(export.map((figure) -> number(figure.allocated() / events) + " B/row").orElse("–"))
				.append(" | ")
				.append(verify
					.map((figure) -> number(events / figure.median()) + " events/s (" + number(figure.median()) + " s)")
					.orElse("–"))
				.append(" |\n");
			byOperation.ifPresent(
					(figure) -> bar("first page, tenant + operation, " + database, number(figure.median()) + " ms",
							"≤ " + number(FIRST_PAGE_BAR_MILLIS) + " ms", figure.median() <= FIRST_PAGE_BAR_MILLIS));
			byActor
				.ifPresent((figure) -> bar("first page, tenant + actor, " + database, number(figure.median()) + " ms",
						"≤ " + number(FIRST_PAGE_BAR_MILLIS) + " ms", figure.median() <= FIRST_PAGE_BAR_MILLIS));
			rowsPerSecond.ifPresent((rows) -> bar("CSV export, " + database, number(rows) + " rows/s",
					"≥ " + number(EXPORT_ROWS_BAR) + " rows/s", rows >= EXPORT_ROWS_BAR));
			growth.ifPresent((megabytes) -> bar("CSV export heap growth, " + database, number(megabytes) + " MB",
					"≤ " + number(EXPORT_HEAP_BAR_MB) + " MB", megabytes <= EXPORT_HEAP_BAR_MB));
		});
	}

	private void appendEvidenceFigures(StringBuilder out) {
		Map<String, List<Figure>> databases = this.figures.stream()
			.filter((figure) -> figure.benchmark().equals(EVIDENCE))
			.collect(Collectors.groupingBy((figure) -> figure.parameter("database"), LinkedHashMap::new,
					Collectors.toList()));
		if (databases.isEmpty()) {
			return;
		}
		double events = AuditLogSeed.EVENTS;
		out.append("\nEvidence of the same ")
			.append(number(events))
			.append(" events (medians): the inclusion proof of ")
			.append("every event in its chain's checkpoint; the evidence bundle of every chain, in a JVM of -Xmx")
			.append(ReadBenchmark.EXPORT_HEAP)
			.append(", with its heap growth; the offline verifier's check of those ")
			.append("bundles, next to the verification above:\n\n");
		out.append("| database | inclusion proofs | bundle export | bundle heap growth | offline verification |\n")
			.append("|---|---:|---:|---:|---:|\n");
		databases.forEach((database, group) -> {
			Optional<Figure> proofs = group.stream().filter((figure) -> figure.method().equals("proofs")).findFirst();
			Optional<Figure> bundles = group.stream().filter((figure) -> figure.method().equals("bundles")).findFirst();
			Optional<Figure> verify = group.stream()
				.filter((figure) -> figure.method().equals("verifyBundles"))
				.findFirst();
			Optional<Double> growth = bundles.map(this.readResults::get)
				.map((result) -> result.getSecondaryResults().get(HeapGrowthProfiler.GROWTH))
				.map(Result::getScore);
			out.append("| ")
				.append(database)
				.append(" | ")
				.append(proofs.map((figure) -> number(events / figure.median()) + " proofs/s").orElse("–"))
				.append(" | ")
				.append(bundles.map((figure) -> number(events / figure.median()) + " rows/s").orElse("–"))
				.append(" | ")
				.append(growth.map((megabytes) -> number(megabytes) + " MB").orElse("–"))
				.append(" | ")
				.append(verify
					.map((figure) -> number(events / figure.median()) + " events/s (" + number(figure.median()) + " s)")
					.orElse("–"))
				.append(" |\n");
		});
	}

	private void appendHttpCapture(StringBuilder out) {
		List<Figure> recorded = this.figures.stream()
			.filter((figure) -> figure.benchmark().equals(HTTP_RECORDING))
			.toList();
		if (!recorded.isEmpty()) {
			out.append(
					"\nHTTP requests recorded per second (committed in audit_event, two request threads; median, min–max):\n\n");
			out.append("| database | without body | with body |\n|---|---:|---:|\n");
			Map<String, Map<String, Figure>> rows = new LinkedHashMap<>();
			recorded
				.forEach((figure) -> rows.computeIfAbsent(figure.parameter("database"), (key) -> new LinkedHashMap<>())
					.put(figure.parameter("capture"), figure));
			rows.forEach((database, captures) -> {
				out.append("| ").append(database);
				for (String capture : List.of("WITHOUT_BODY", "WITH_BODY")) {
					Figure figure = captures.get(capture);
					out.append(" | ")
						.append((figure != null) ? number(figure.median()) + " (" + number(figure.min()) + "–"
								+ number(figure.max()) + ")" : "–");
				}
				out.append(" |\n");
			});
			recorded.forEach((figure) -> bar(
					"HTTP requests recorded per second, " + figure.parameter("database") + ", "
							+ figure.parameter("capture").toLowerCase(Locale.ROOT).replace('_', ' '),
					number(figure.median()) + "/s", "≥ " + number(HTTP_RECORDED_BAR) + "/s",
					figure.median() >= HTTP_RECORDED_BAR));
		}
		Map<String, Figure> overhead = this.figures.stream()
			.filter((figure) -> figure.benchmark().equals(HTTP_OVERHEAD))
			.collect(Collectors.toMap((figure) -> figure.parameter("capture"), (figure) -> figure, (a, b) -> a,
					LinkedHashMap::new));
		Figure off = overhead.get("OFF");
		if (off != null && overhead.size() > 1) {
			out.append(
					"\nWhat capture adds to one request (one thread; events built on the writer's thread but not stored; median µs per request):\n\n");
			out.append("| capture | µs per request | added | relative to capture off |\n|---|---:|---:|---:|\n");
			overhead.forEach((capture, figure) -> out.append("| ")
				.append(capture)
				.append(" | ")
				.append(number(figure.median()))
				.append(" | ")
				.append(number(figure.median() - off.median()))
				.append(" | ")
				.append(percent(Optional.of(figure.median() / off.median())))
				.append(" |\n"));
		}
	}

	private void appendStreamFigures(StringBuilder out) {
		if (this.streamResults.isEmpty()) {
			return;
		}
		out.append("\nPublishing to Kafka while AUDIT_TRAIL creates 3-entity invoices (one thread; means of the ")
			.append("iterations): the writes, the events a consumer read back from the broker, and the relay's lag ")
			.append("gauge (sealed events not yet acknowledged, all chains) sampled every 50 ms:\n\n");
		out.append("| database | writes | events published end to end | lag, mean | lag, largest |\n")
			.append("|---|---:|---:|---:|---:|\n");
		this.streamResults.forEach((figure, result) -> out.append("| ")
			.append(figure.parameter("database"))
			.append(" | ")
			.append(number(figure.score()))
			.append(" ops/s | ")
			.append(secondary(result, RelayProfiler.PUBLISHED))
			.append(" events/s | ")
			.append(secondary(result, RelayProfiler.LAG_MEAN))
			.append(" | ")
			.append(secondary(result, RelayProfiler.LAG_MAX))
			.append(" |\n"));
	}

	private static String secondary(RunResult result, String name) {
		Result<?> figure = result.getSecondaryResults().get(name);
		return (figure != null) ? number(figure.getScore()) : "–";
	}

	private Optional<Figure> find(String benchmark, String method) {
		return this.figures.stream()
			.filter((figure) -> figure.benchmark().equals(benchmark) && figure.method().equals(method))
			.findFirst();
	}

	private void bar(String figure, String measured, String required, boolean met) {
		this.bars.add("| " + figure + " | " + measured + " | " + required + " | " + (met ? "pass" : "**FAIL**") + " |");
	}

	private static Optional<Double> ratio(Map<String, Double> scores, String mode, String reference) {
		Double value = scores.get(mode);
		Double base = scores.get(reference);
		return (value != null && base != null && base > 0) ? Optional.of(value / base) : Optional.empty();
	}

	private static String percent(Optional<Double> ratio) {
		return ratio.map((value) -> String.format(Locale.ROOT, "%.0f%%", value * 100)).orElse("–");
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/** One benchmark's result. */
	record Figure(String benchmark, String method, Map<String, String> parameters, double score, double error,
			double median, double min, double max, String unit, double allocated) {

		static Figure of(RunResult result) {
			String[] name = result.getParams().getBenchmark().split("\\.");
			Map<String, String> parameters = new LinkedHashMap<>();
			result.getParams().getParamsKeys().forEach((key) -> parameters.put(key, result.getParams().getParam(key)));
			Statistics statistics = result.getPrimaryResult().getStatistics();
			return new Figure(name[name.length - 2], name[name.length - 1], parameters,
					result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(),
					statistics.getPercentile(50), statistics.getMin(), statistics.getMax(),
					result.getPrimaryResult().getScoreUnit(), allocated(result));
		}

		private static double allocated(RunResult result) {
			Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
			return (allocation != null) ? allocation.getScore() : Double.NaN;
		}

		String name() {
			return this.benchmark + "." + this.method;
		}

		String parameter(String key) {
			return this.parameters.getOrDefault(key, "");
		}

		String describeParameters() {
			return this.parameters.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.collect(Collectors.joining(", "));
		}

	}

}
