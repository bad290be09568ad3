package io.audittrail.benchmarks.read;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * How much the live heap grows during the CSV export: the largest heap left after any
 * garbage collection during an iteration, less the heap left by a full collection before
 * it (an upper bound of the live heap, since a young collection leaves old garbage in
 * place), as {@value #GROWTH} in MB, with the JVM's maximum heap as {@value #MAX}. Other
 * benchmarks are left alone.
 */
public final class HeapGrowthProfiler implements InternalProfiler {

	/** The name of the growth figure. */
	public static final String GROWTH = "heap.growth";

	/** The name of the maximum heap figure. */
	public static final String MAX = "heap.max";

	private static final Set<String> MEASURED = Set.of(ReadBenchmark.class.getName() + ".export",
			EvidenceBenchmark.class.getName() + ".bundles");

	private static final double MB = 1024.0 * 1024.0;

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toSet());

	private final AtomicLong largest = new AtomicLong();

	private final NotificationListener listener = this::collected;

	private long baseline;

	@Override
	public String getDescription() {
		return "Growth of the heap left after garbage collections during the CSV export and the evidence bundles";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		if (!MEASURED.contains(benchmarkParams.getBenchmark())) {
			return;
		}
		System.gc();
		this.baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		this.largest.set(this.baseline);
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector).addNotificationListener(this.listener, null, null);
		}
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		if (!MEASURED.contains(benchmarkParams.getBenchmark())) {
			return List.of();
		}
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			try {
				((NotificationEmitter) collector).removeNotificationListener(this.listener);
			}
			catch (ListenerNotFoundException ex) {
				// added to every collector above
			}
		}
		return List.of(new ScalarResult(GROWTH, (this.largest.get() - this.baseline) / MB, "MB", AggregationPolicy.MAX),
				new ScalarResult(MAX, Runtime.getRuntime().maxMemory() / MB, "MB", AggregationPolicy.MAX));
	}

	private void collected(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long used = info.getGcInfo()
			.getMemoryUsageAfterGc()
			.entrySet()
			.stream()
			.filter((pool) -> this.heapPools.contains(pool.getKey()))
			.map((pool) -> pool.getValue())
			.mapToLong(MemoryUsage::getUsed)
			.sum();
		this.largest.accumulateAndGet(used, Math::max);
	}

}
