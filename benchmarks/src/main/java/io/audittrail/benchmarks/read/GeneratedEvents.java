package io.audittrail.benchmarks.read;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * The events of a busy application, made up the same way on every run: ten tenants of
 * twenty members and three API keys each, who create, update and delete invoices (with
 * Envers revisions), export and revert, and whose HTTP requests are recorded; and a few
 * system-level purges. An event is a row of the columns {@link SeedChains#EVENT_COLUMNS}
 * names, linked into its tenant's chain; {@link #lastSeal()} is its seal.
 */
final class GeneratedEvents {

	static final int TENANTS = 10;

	static final int MEMBERS = 20;

	/**
	 * The first event's time; each event follows the previous one by up to 20 seconds.
	 */
	static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

	/** A time after the last event. */
	static final Instant END = START.plus((AuditLogSeed.EVENTS + 1) * 20L, ChronoUnit.SECONDS);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SplittableRandom random = new SplittableRandom(20251122);

	private final SeedChains chains = new SeedChains();

	private long id;

	private Object[] lastSeal;

	/** The next event, with its id; its seal is then {@link #lastSeal()}. */
	Object[] next() {
		long id = ++this.id;
		Object[] row = new Object[SeedChains.EVENT_COLUMN_COUNT];
		row[0] = id;
		row[1] = OffsetDateTime.ofInstant(
				START.plus(id * 20_000_000L + this.random.nextLong(19_000_000L), ChronoUnit.MICROS), ZoneOffset.UTC);
		if (this.random.nextInt(1000) == 0) {
			purge(row);
		}
		else {
			int tenant = 1 + this.random.nextInt(TENANTS);
			row[2] = tenant(tenant);
			actor(row, tenant);
			row[10] = "10." + tenant + "." + this.random.nextInt(256) + "." + this.random.nextInt(256);
			row[16] = new UUID(this.random.nextLong(), this.random.nextLong()).toString();
			int kind = this.random.nextInt(100);
			if (kind < 30) {
				invoice(row, "create", "CREATE", Map.of("lines", Integer.toString(1 + this.random.nextInt(20))));
			}
			else if (kind < 70) {
				invoice(row, "update", "UPDATE", Map.of());
			}
			else if (kind < 78) {
				invoice(row, "delete", "DELETE", Map.of());
			}
			else if (kind < 80) {
				export(row);
			}
			else if (kind < 81) {
				invoice(row, "revert", "UPDATE",
						Map.of("reverted_event_id", Long.toString(1 + this.random.nextLong(id))));
				row[3] = "audit.revert";
				row[4] = "audit";
			}
			else {
				request(row);
			}
		}
		this.lastSeal = this.chains.link(row);
		return row;
	}

	/**
	 * The seal of the event {@link #next()} made last: a row of
	 * {@link SeedChains#SEAL_COLUMNS}.
	 */
	Object[] lastSeal() {
		return this.lastSeal;
	}

	/** The heads of the chains of the events made so far. */
	Map<String, SeedChains.Head> heads() {
		return this.chains.heads();
	}

	static String tenant(int tenant) {
		return (tenant < 10) ? "tenant-0" + tenant : "tenant-" + tenant;
	}

	static String operation(int kind) {
		return switch (kind) {
			case 0 -> "invoice.create";
			case 1 -> "invoice.update";
			default -> "invoice.delete";
		};
	}

	static String memberId(int tenant, int member) {
		return "m" + (tenant * 100 + member);
	}

	private void actor(Object[] row, int tenant) {
		if (this.random.nextInt(10) == 0) {
			int key = 1 + this.random.nextInt(3);
			row[7] = "API_KEY";
			row[8] = "k" + (tenant * 100 + key);
			row[9] = "Billing sync " + key;
		}
		else {
			int member = 1 + this.random.nextInt(MEMBERS);
			row[7] = "MEMBER";
			row[8] = memberId(tenant, member);
			row[9] = "user" + member + "@" + tenant(tenant) + ".example.com";
		}
	}

	private void invoice(Object[] row, String operation, String action, Map<String, String> details) {
		int number = 1 + this.random.nextInt(200_000);
		row[3] = "invoice." + operation;
		row[4] = "invoice";
		row[5] = action;
		row[11] = "Invoice";
		row[12] = Integer.toString(number);
		row[13] = "INV-" + number;
		row[14] = json(details);
		if (!operation.equals("create") && this.random.nextInt(50) == 0) {
			row[6] = "FAILURE";
			row[15] = "Invoice INV-" + number + " is locked by another member";
		}
		else {
			row[6] = "SUCCESS";
			row[17] = row[0];
		}
	}

	private void export(Object[] row) {
		OffsetDateTime to = (OffsetDateTime) row[1];
		Map<String, String> details = new LinkedHashMap<>();
		details.put("export_from", to.minusDays(30).toInstant().truncatedTo(ChronoUnit.DAYS).toString());
		details.put("export_to", to.toInstant().truncatedTo(ChronoUnit.DAYS).toString());
		details.put("export_filters", "operation=" + operation(this.random.nextInt(3)));
		row[3] = "audit.export";
		row[4] = "audit";
		row[5] = "OTHER";
		row[6] = "SUCCESS";
		row[14] = json(details);
	}

	private void request(Object[] row) {
		int number = 1 + this.random.nextInt(200_000);
		int kind = this.random.nextInt(10);
		row[3] = "http.request";
		row[4] = "http";
		row[5] = "OTHER";
		row[6] = "SUCCESS";
		row[18] = (kind < 7) ? "GET" : (kind < 9) ? "POST" : "DELETE";
		row[19] = (kind < 4 || kind == 7 || kind == 8) ? "/api/invoices" : "/api/invoices/" + number;
		row[20] = (kind == 7 || kind == 8) ? 201 : (kind == 9) ? 204 : (this.random.nextInt(20) == 0) ? 404 : 200;
		row[21] = "invoices";
		row[22] = "API_KEY".equals(row[7]) ? "API_KEY" : "SESSION";
		row[23] = (kind < 4) ? json(Map.of("query", "page=" + (1 + this.random.nextInt(40)) + "&size=50")) : null;
	}

	private void purge(Object[] row) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("purged_events", Integer.toString(this.random.nextInt(5_000)));
		details.put("purged_revisions", Integer.toString(this.random.nextInt(2_000)));
		details.put("retention_days", "365");
		row[3] = "audit.retention.purge";
		row[4] = "audit";
		row[5] = "DELETE";
		row[6] = "SUCCESS";
		row[7] = "SYSTEM";
		row[9] = "system";
		row[14] = json(details);
	}

	private static String json(Map<String, String> details) {
		return details.isEmpty() ? null : JSON.writeValueAsString(details);
	}

}
