package io.audittrail.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.audittrail.core.Action;
import io.audittrail.core.ActorType;
import io.audittrail.store.EventFilter;

/**
 * Reads the list's filters from request parameters, refusing malformed values with the
 * name of the parameter.
 */
final class EventFilterParameters {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	/** The earliest instant a filter may name: every supported database stores it. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	/** The latest instant a filter may name. */
	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	private EventFilterParameters() {
	}

	static EventFilter filter(Map<String, String> parameters) {
		Instant from = instant(parameters, "from", false);
		Instant to = instant(parameters, "to", true);
		if (from != null && to != null && from.isAfter(to)) {
			throw new BadParameterException("from", "'from' (" + from + ") is after 'to' (" + to + ").");
		}
		String status = text(parameters, "status");
		Integer statusCode = null;
		if (status != null) {
			try {
				statusCode = Integer.valueOf(status);
			}
			catch (NumberFormatException ex) {
				throw new BadParameterException("status",
						"'status' must be an HTTP status code, such as 200, not '" + status + "'.");
			}
			if (statusCode < 100 || statusCode > 599) {
				throw new BadParameterException("status",
						"'status' must be between 100 and 599, not " + statusCode + ".");
			}
		}
		String method = text(parameters, "method");
		String authType = text(parameters, "authType");
		return new EventFilter(from, to, text(parameters, "actor"), constant(parameters, "actorType", ActorType.class),
				constant(parameters, "action", Action.class), text(parameters, "operation"),
				text(parameters, "entityType"), text(parameters, "entityId"), text(parameters, "tenant"),
				text(parameters, "path"), text(parameters, "q"),
				(method != null) ? method.toUpperCase(Locale.ROOT) : null, statusCode,
				(authType != null) ? authType.toUpperCase(Locale.ROOT) : null, traceId(parameters));
	}

	private static String traceId(Map<String, String> parameters) {
		String traceId = text(parameters, "traceId");
		if (traceId != null && !TRACE_ID.matcher(traceId).matches()) {
			throw new BadParameterException("traceId",
					"'traceId' must be 32 lowercase hexadecimal characters, not '" + traceId + "'.");
		}
		return traceId;
	}

	static int limit(Map<String, String> parameters) {
		String limit = text(parameters, "limit");
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new BadParameterException("limit",
				"'limit' must be a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'.");
	}

	static String text(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Instant instant(Map<String, String> parameters, String name, boolean endOfDay) {
		return instant(name, text(parameters, name), endOfDay);
	}

	/**
	 * The instant a time parameter names: an ISO-8601 date-time with offset, or a date
	 * (its start, or with {@code endOfDay} its last microsecond, in UTC), between the
	 * years 1 and 9999.
	 * @return the instant, or {@code null} when the value is blank
	 * @throws BadParameterException naming the parameter when the value names no such
	 * instant
	 */
	static Instant instant(String name, String value, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.strip();
		Instant instant = parse(value, endOfDay);
		if (instant == null) {
			throw new BadParameterException(name, "'" + name + "' must be an ISO-8601 date-time with offset, such as "
					+ "2026-04-01T09:00:00Z, or a date, such as 2026-04-01; not '" + value + "'.");
		}
		if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			throw new BadParameterException(name,
					"'" + name + "' must lie between 0001-01-01 and 9999-12-31, not '" + value + "'.");
		}
		return instant;
	}

	/** The instant the text names, or {@code null} when it names none. */
	private static Instant parse(String value, boolean endOfDay) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			// try a date
		}
		try {
			LocalDate date = LocalDate.parse(value);
			if (date.getYear() < 1 || date.getYear() > 9999) {
				return (date.getYear() < 1) ? Instant.MIN : Instant.MAX;
			}
			return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000)
					: date.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E constant(Map<String, String> parameters, String name, Class<E> type) {
		String value = text(parameters, name);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
			throw new BadParameterException(name,
					"'" + name + "' must be one of " + allowed + ", not '" + value + "'.");
		}
	}

}
