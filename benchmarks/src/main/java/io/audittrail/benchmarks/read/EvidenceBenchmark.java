package io.audittrail.benchmarks.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.springframework.context.ConfigurableApplicationContext;

import io.audittrail.benchmarks.app.Database;
import io.audittrail.evidence.AuditEvidence;
import io.audittrail.store.ChainStore;
import io.audittrail.store.ChainTrees;
import io.audittrail.store.CheckpointStore;
import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.Main;
import io.audittrail.verifier.Merkle;
import io.audittrail.verifier.VerifierKey;

/**
 * The evidence of the read benchmarks' log of {@value AuditLogSeed#EVENTS} sealed events,
 * next to {@link ReadBenchmark#verify() today's verification}: the inclusion proof of
 * every event in its chain's latest checkpoint, the evidence bundles of every chain (in a
 * JVM of {@value ReadBenchmark#EXPORT_HEAP}, its heap growth measured by
 * {@link HeapGrowthProfiler}), and the offline verifier's check of those bundles, as
 * {@code java -jar audit-verifier.jar bundle} runs it. Each chain's checkpoint is signed
 * once, at the trial's start, which builds its tree the first time from the seal rows.
 * Warm-up iterations take the first chain only.
 */
@State(Scope.Benchmark)
public class EvidenceBenchmark {

	/**
	 * Where the benchmarks' checkpoint signing key is kept, so that later runs reuse
	 * their checkpoints.
	 */
	static final Path KEYS = Path.of("target", "read-benchmark", "audit-keys").toAbsolutePath();

	@Param({ "H2", "POSTGRESQL" })
	public Database database;

	private ConfigurableApplicationContext context;

	private ChainTrees trees;

	private AuditEvidence evidence;

	private final List<SignedCheckpoint> checkpoints = new ArrayList<>();

	private boolean warmup;

	/** Whether the include pattern of a run selects any of these benchmarks. */
	public static boolean selectedBy(Pattern include) {
		return Stream.of("proofs", "bundles", "verifyBundles")
			.anyMatch((method) -> include.matcher(EvidenceBenchmark.class.getName() + "." + method).find());
	}

	@Setup(Level.Trial)
	public void start() {
		AuditLogSeed.ensure(this.database);
		this.context = ReadApplication.startWithEvidence(this.database, KEYS);
		this.trees = this.context.getBean(ChainTrees.class);
		this.evidence = this.context.getBean(AuditEvidence.class);
		CheckpointStore store = this.context.getBean(CheckpointStore.class);
		long events = 0;
		for (ChainStore.ChainHead head : this.context.getBean(ChainStore.class).heads()) {
			this.evidence.checkpointNow(head.tenant());
			SignedCheckpoint latest = store.latest(head.tenant()).orElseThrow();
			this.checkpoints.add(latest);
			events += latest.checkpoint().size();
		}
		if (events != AuditLogSeed.EVENTS) {
			throw new IllegalStateException("The checkpoints cover " + events + " events, not " + AuditLogSeed.EVENTS);
		}
	}

	@Setup(Level.Iteration)
	public void iteration(IterationParams iteration) {
		this.warmup = iteration.getType() == IterationType.WARMUP;
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	/**
	 * The inclusion proof of every event in its chain's checkpoint; returns the number of
	 * proof hashes.
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public long proofs() {
		long hashes = 0;
		for (SignedCheckpoint checkpoint : measured(this.checkpoints)) {
			Merkle.Prover prover = Merkle.prover(this.trees.leaves(checkpoint.tenant()));
			long size = checkpoint.checkpoint().size();
			for (long index = 0; index < size; index++) {
				hashes += prover.inclusionProof(index, size).hashes().size();
			}
		}
		return hashes;
	}

	/**
	 * The evidence bundle of every chain, as the evidence endpoint streams it; returns
	 * the bytes written.
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Fork(jvmArgs = { "-Xms" + ReadBenchmark.EXPORT_HEAP, "-Xmx" + ReadBenchmark.EXPORT_HEAP })
	public long bundles() {
		CountingOutputStream out = new CountingOutputStream();
		long events = 0;
		for (SignedCheckpoint checkpoint : measured(this.checkpoints)) {
			events += export(checkpoint, out);
		}
		if (!this.warmup && events != AuditLogSeed.EVENTS) {
			throw new IllegalStateException("The bundles hold " + events + " events, not " + AuditLogSeed.EVENTS);
		}
		return out.count();
	}

	/**
	 * The offline verifier's check of every chain's bundle; returns the number of bundles
	 * verified.
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public int verifyBundles(Bundles bundles) {
		List<Path> files = measured(bundles.files);
		for (Path bundle : files) {
			ByteArrayOutputStream report = new ByteArrayOutputStream();
			PrintStream print = new PrintStream(report, true, StandardCharsets.UTF_8);
			int exit = Main.run(new String[] { "bundle", bundle.toString(), "--key", bundles.keys.toString() }, print,
					print);
			if (exit != 0) {
				throw new IllegalStateException("The bundle " + bundle + " did not verify: " + report);
			}
		}
		return files.size();
	}

	/** All of them, or the first only in a warm-up iteration. */
	private <T> List<T> measured(List<T> all) {
		return this.warmup ? all.subList(0, 1) : all;
	}

	private long export(SignedCheckpoint checkpoint, OutputStream out) {
		AuditEvidence.Bundle bundle = this.evidence.bundle(checkpoint.tenant(), null, null);
		if (bundle.checkpoint().checkpoint().size() != checkpoint.checkpoint().size()) {
			throw new IllegalStateException("The chain of " + checkpoint.tenant() + " grew since its checkpoint");
		}
		OutputStream kept = new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				out.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				out.write(bytes, offset, length);
			}

			@Override
			public void close() {
				// the next chain's bundle follows
			}

		};
		return bundle.writeTo(kept);
	}

	/** Every chain's bundle in a file, and the verifier keys, written once per trial. */
	@State(Scope.Benchmark)
	public static class Bundles {

		final List<Path> files = new ArrayList<>();

		Path keys;

		private Path directory;

		@Setup(Level.Trial)
		public void write(EvidenceBenchmark benchmark) throws IOException {
			this.directory = Files.createTempDirectory("evidence-benchmark");
			this.keys = this.directory.resolve("keys.txt");
			Files.write(this.keys, benchmark.evidence.verifierKeys().stream().map(VerifierKey::encoded).toList());
			for (SignedCheckpoint checkpoint : benchmark.checkpoints) {
				Path file = this.directory.resolve("bundle-" + this.files.size() + ".zip");
				try (OutputStream out = Files.newOutputStream(file)) {
					benchmark.export(checkpoint, out);
				}
				this.files.add(file);
			}
		}

		@TearDown(Level.Trial)
		public void delete() throws IOException {
			try (Stream<Path> files = Files.list(this.directory)) {
				files.forEach((file) -> {
					try {
						Files.delete(file);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			Files.delete(this.directory);
		}

	}

}
