package io.audittrail.stream;

/**
 * How the relay writes an event into a Kafka record's value.
 */
public enum StreamFormat {

	/** The event JSON of the read API, with the same field names. */
	EVENT,

	/** A CloudEvents 1.0 event in structured mode, the event JSON as its data. */
	CLOUDEVENTS,

	/** An OCSF API Activity event (class 6003). */
	OCSF

}
