package io.audittrail.web;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.TenantScope;
import io.audittrail.evidence.AuditEvidence;
import io.audittrail.evidence.EvidenceUnavailableException;
import io.audittrail.store.ChainTrees;
import io.audittrail.store.CheckpointStore;
import io.audittrail.store.EventQuery;
import io.audittrail.store.SignedCheckpoint;
import io.audittrail.verifier.ConsistencyProof;
import io.audittrail.verifier.InclusionProof;
import io.audittrail.verifier.Merkle;
import io.audittrail.verifier.MerkleFrontier;

/**
 * {@code GET {base}/api/checkpoints}, {@code {base}/api/events/{id}/proof} and
 * {@code {base}/api/consistency} and {@code {base}/api/evidence.zip}: a chain's signed
 * checkpoints, the proof that an event is in a checkpoint's tree, the proof that a
 * checkpoint extends an earlier one and a period's evidence bundle, to the readers of the
 * chain's tenant only. Without {@code tenant} the system-level chain is meant.
 */
@AuditApiEndpoint
class CheckpointController {

	/** How many checkpoints a history lists at most. */
	static final int MAX_LIMIT = 1000;

	private final CheckpointStore checkpoints;

	private final ChainTrees trees;

	private final EventQuery events;

	private final AuditAccess access;

	private final AuditEvidence evidence;

	private final Downloads downloads;

	/**
	 * @param checkpoints the kept checkpoints
	 * @param trees the chains' trees
	 * @param events reads events in the reader's scope
	 * @param access who may read what
	 * @param evidence the evidence bundles
	 */
	CheckpointController(CheckpointStore checkpoints, ChainTrees trees, EventQuery events, AuditAccess access,
			AuditEvidence evidence, Downloads downloads) {
		this.checkpoints = checkpoints;
		this.trees = trees;
		this.events = events;
		this.access = access;
		this.evidence = evidence;
		this.downloads = downloads;
	}

	/**
	 * The evidence bundle of a chain's events in a period: from the first event of the
	 * chain that occurred at or after {@code from} to the last before the first that
	 * occurred after {@code to}, with the chain's checkpoint, signed now if the chain
	 * grew, and every event's inclusion proof. Streamed: memory stays constant whatever
	 * the period.
	 */
	@GetMapping(path = "/evidence.zip")
	public ResponseEntity<StreamingResponseBody> evidence(
			@RequestParam(name = "tenant", required = false) String tenant,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to, HttpServletRequest request) {
		requireChain(tenant);
		Instant since = EventFilterParameters.instant("from", from, false);
		Instant until = EventFilterParameters.instant("to", to, true);
		if (since != null && until != null && since.isAfter(until)) {
			throw new BadParameterException("from", "Parameter 'from' must not be after 'to'");
		}
		Downloads.Slot slot = this.downloads.take();
		try {
			AuditEvidence.Bundle bundle = this.evidence.bundle(tenant, since, until);
			long size = bundle.checkpoint().checkpoint().size();
			String name = "evidence-"
					+ ((tenant != null) ? "tenant-" + tenant.replaceAll("[^A-Za-z0-9._-]", "_") : "system") + "-" + size
					+ ".zip";
			return slot.respond(request, bundle::writeTo, MediaType.parseMediaType("application/zip"), name);
		}
		catch (EvidenceUnavailableException ex) {
			slot.release();
			throw refused(switch (ex.getReason()) {
				case NO_EVENTS -> HttpStatus.NOT_FOUND;
				case REMOVED -> HttpStatus.GONE;
				case CHAIN_BROKEN -> HttpStatus.CONFLICT;
			}, ex.getMessage());
		}
		catch (RuntimeException ex) {
			slot.release();
			throw ex;
		}
	}

	@GetMapping(path = "/checkpoints")
	public Checkpoints checkpoints(@RequestParam(name = "tenant", required = false) String tenant,
			@RequestParam(name = "limit", required = false) String limit) {
		requireChain(tenant);
		int count = (int) number("limit", limit, 1, MAX_LIMIT, 100);
		List<CheckpointJson> history = this.checkpoints.history(tenant, count)
			.stream()
			.map(CheckpointJson::of)
			.toList();
		return new Checkpoints(tenant, history.isEmpty() ? null : history.get(0), history);
	}

	@GetMapping(path = "/events/{id}/proof")
	public Inclusion proof(@PathVariable("id") String id,
			@RequestParam(name = "checkpoint", required = false) String checkpoint) {
		TenantScope scope = this.access.requireView().scope();
		AuditEvent event = null;
		try {
			event = this.events.find(Long.parseLong(id), scope).orElse(null);
		}
		catch (NumberFormatException ex) {
			// no entry has such an id
		}
		if (event == null) {
			throw notFound("Entry " + id + " does not exist.");
		}
		String tenant = event.tenant();
		OptionalLong position = this.trees.position(tenant, event.id());
		if (position.isEmpty()) {
			throw notFound("Entry " + id + " is not sealed into its chain yet.");
		}
		SignedCheckpoint signed = checkpoint(tenant, checkpoint, "checkpoint");
		long size = signed.checkpoint().size();
		if (position.getAsLong() > size) {
			throw new BadParameterException("checkpoint", "Parameter 'checkpoint': the checkpoint of size " + size
					+ " does not cover entry " + id + " at position " + position.getAsLong() + "; use a later one");
		}
		InclusionProof proof;
		try {
			proof = this.trees.prover(tenant).inclusionProof(position.getAsLong() - 1, size);
		}
		catch (IllegalStateException ex) {
			throw gone(ex.getMessage());
		}
		return new Inclusion(event.id(), tenant, position.getAsLong(), CheckpointJson.of(signed),
				proof.hashes().stream().map(Base64.getEncoder()::encodeToString).toList());
	}

	@GetMapping(path = "/consistency")
	public Consistency consistency(@RequestParam(name = "tenant", required = false) String tenant,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to) {
		requireChain(tenant);
		if (from == null) {
			throw new BadParameterException("from", "Parameter 'from' is required: the size of the earlier checkpoint");
		}
		SignedCheckpoint older = checkpoint(tenant, from, "from");
		SignedCheckpoint newer = checkpoint(tenant, to, "to");
		long oldSize = older.checkpoint().size();
		long newSize = newer.checkpoint().size();
		if (oldSize > newSize) {
			throw new BadParameterException("from",
					"Parameter 'from' (" + oldSize + ") must not be larger than 'to' (" + newSize + ")");
		}
		ConsistencyProof proof = this.checkpoints.consistency(tenant, oldSize, newSize).orElse(null);
		if (proof == null) {
			try {
				proof = consistency(tenant, oldSize, newSize);
			}
			catch (IllegalStateException ex) {
				throw gone(ex.getMessage() + "; ask for the proofs between the checkpoints in between");
			}
		}
		return new Consistency(tenant, CheckpointJson.of(older), CheckpointJson.of(newer), proof.text());
	}

	/**
	 * Checks that the reader may see the chain of the tenant ({@code null}:
	 * system-level).
	 */
	private void requireChain(String tenant) {
		ReaderRights reader = this.access.requireView();
		if (tenant != null && tenant.isBlank()) {
			throw new BadParameterException("tenant",
					"Parameter 'tenant' must not be blank; leave it out for the system-level chain");
		}
		reader.requireTenant(tenant);
	}

	/** The checkpoint of the size a parameter names, or the latest when it is absent. */
	private SignedCheckpoint checkpoint(String tenant, String size, String parameter) {
		if (size == null) {
			return this.checkpoints.latest(tenant).orElseThrow(() -> notFound("The chain has no checkpoint yet."));
		}
		long parsed = number(parameter, size, 1, Long.MAX_VALUE, 0);
		return this.checkpoints.find(tenant, parsed)
			.orElseThrow(() -> notFound("The chain has no checkpoint of size " + parsed + "."));
	}

	private static long number(String parameter, String value, long min, long max, long absent) {
		if (value == null) {
			return absent;
		}
		try {
			long number = Long.parseLong(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new BadParameterException(parameter, "Parameter '" + parameter + "' must be a whole number from " + min
				+ ((max == Long.MAX_VALUE) ? " up" : " to " + max) + ", not '" + value + "'");
	}

	/**
	 * The proof built from the leaves still stored and the older checkpoint's frontier,
	 * else the frontier retention kept of the leaves it removed.
	 */
	private ConsistencyProof consistency(String tenant, long oldSize, long newSize) {
		Optional<MerkleFrontier> older = this.checkpoints.frontier(tenant, oldSize);
		if (older.isPresent()) {
			try {
				return Merkle.prover(this.trees.leaves(tenant), older.get()).consistencyProof(oldSize, newSize);
			}
			catch (IllegalStateException ex) {
				// the proof needs leaves retention removed past the older checkpoint
			}
		}
		return this.trees.prover(tenant).consistencyProof(oldSize, newSize);
	}

	private static ErrorResponseException refused(HttpStatus status, String detail) {
		ErrorResponseException refused = new ErrorResponseException(status);
		refused.setDetail(detail);
		return refused;
	}

	private static ErrorResponseException notFound(String detail) {
		return refused(HttpStatus.NOT_FOUND, detail);
	}

	private static ErrorResponseException gone(String detail) {
		return refused(HttpStatus.GONE, detail);
	}

	/**
	 * A chain's checkpoints.
	 *
	 * @param tenant the chain's tenant, {@code null} for the system-level chain
	 * @param latest the latest checkpoint, {@code null} when none was signed yet
	 * @param history the checkpoints, the largest first
	 */
	public record Checkpoints(String tenant, CheckpointJson latest, List<CheckpointJson> history) {
	}

	/**
	 * A signed checkpoint.
	 *
	 * @param origin the chain's log origin
	 * @param size the tree's size
	 * @param rootHash the tree's root, lowercase hex
	 * @param note the signed note, as the verifier reads it
	 * @param signedAt when it was signed
	 */
	public record CheckpointJson(String origin, long size, String rootHash, String note, Instant signedAt) {

		static CheckpointJson of(SignedCheckpoint checkpoint) {
			return new CheckpointJson(checkpoint.checkpoint().origin(), checkpoint.checkpoint().size(),
					HexFormat.of().formatHex(checkpoint.checkpoint().root()), checkpoint.note(), checkpoint.signedAt());
		}

	}

	/**
	 * The proof that an event is in a checkpoint's tree: its leaf is the raw bytes of its
	 * chain hash at index {@code position - 1}.
	 *
	 * @param eventId the event
	 * @param tenant its chain's tenant
	 * @param position its position in its chain
	 * @param checkpoint the checkpoint
	 * @param hashes the proof's hashes, base64, from the leaf up
	 */
	public record Inclusion(long eventId, String tenant, long position, CheckpointJson checkpoint,
			List<String> hashes) {
	}

	/**
	 * The proof that a checkpoint extends an earlier one.
	 *
	 * @param tenant the chain's tenant
	 * @param from the earlier checkpoint
	 * @param to the later checkpoint
	 * @param proof the proof, one base64 hash a line, as the verifier's {@code --proof}
	 * file
	 */
	public record Consistency(String tenant, CheckpointJson from, CheckpointJson to, String proof) {
	}

}
