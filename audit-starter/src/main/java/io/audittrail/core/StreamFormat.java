package io.audittrail.core;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * How the relay writes an event into a Kafka record's value.
 */
@API(status = Status.EXPERIMENTAL, since = "0.2")
public enum StreamFormat {

	/** The event JSON of the read API, with the same field names. */
	EVENT,

	/** A CloudEvents 1.0 event in structured mode, the event JSON as its data. */
	CLOUDEVENTS,

	/** An OCSF API Activity event (class 6003). */
	OCSF

}
