package io.audittrail.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.audittrail.verifier.Checkpoint;
import io.audittrail.verifier.ConsistencyProof;
import io.audittrail.verifier.MerkleFrontier;
import io.audittrail.verifier.SignedNote;

/**
 * The signed checkpoints in {@code audit_checkpoint}, inserted and never updated, with
 * the tree's frontier at each and the consistency proof from the previous one; retention
 * leaves them alone.
 */
final class JdbcCheckpointStore implements CheckpointStore {

	private static final HexFormat HEX = HexFormat.of();

	private static final String INSERT = "insert into audit_checkpoint (chain, tree_size, root_hash, note, key_id, "
			+ "created_at, frontier, previous_size, consistency_proof) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String SELECT = "select chain, tree_size, note, created_at from audit_checkpoint where chain = ? ";

	private final JdbcTemplate jdbc;

	JdbcCheckpointStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public void save(SignedCheckpoint checkpoint) {
		save(checkpoint, null, null);
	}

	@Override
	public void save(SignedCheckpoint checkpoint, MerkleFrontier frontier, ConsistencyProof fromPrevious) {
		Checkpoint tree = checkpoint.checkpoint();
		if (frontier != null && (frontier.size() != tree.size() || !Arrays.equals(frontier.root(), tree.root()))) {
			throw new IllegalArgumentException("the frontier is not the tree of checkpoint " + tree);
		}
		String keyId = String.format("%08x", SignedNote.parse(checkpoint.note()).signatures().get(0).keyId());
		try {
			this.jdbc.update(INSERT, Chains.keyOf(checkpoint.tenant()), tree.size(), HEX.formatHex(tree.root()),
					checkpoint.note(), keyId, OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC),
					(frontier != null) ? HashList.join(frontier.hashes()) : "",
					(fromPrevious != null) ? fromPrevious.oldSize() : null,
					(fromPrevious != null) ? HashList.join(fromPrevious.hashes()) : null);
		}
		catch (DuplicateKeyException ex) {
			// another instance kept the checkpoint of this size first
		}
	}

	@Override
	public Optional<SignedCheckpoint> latest(String tenant) {
		return history(tenant, 1).stream().findFirst();
	}

	@Override
	public Optional<SignedCheckpoint> find(String tenant, long size) {
		return this.jdbc.query(SELECT + "and tree_size = ?", this::checkpoint, Chains.keyOf(tenant), size)
			.stream()
			.findFirst();
	}

	@Override
	public List<SignedCheckpoint> history(String tenant, int limit) {
		return this.jdbc.query(SELECT + "order by tree_size desc fetch first ? rows only", this::checkpoint,
				Chains.keyOf(tenant), limit);
	}

	@Override
	public Optional<MerkleFrontier> frontier(String tenant, long size) {
		return this.jdbc
			.query("select frontier from audit_checkpoint where chain = ? and tree_size = ? and (frontier <> '' "
					+ "or tree_size = 0)", (rs, row) -> MerkleFrontier.of(size, HashList.split(rs.getString(1))),
					Chains.keyOf(tenant), size)
			.stream()
			.findFirst();
	}

	@Override
	public Optional<ConsistencyProof> consistency(String tenant, long oldSize, long newSize) {
		return this.jdbc
			.query("select consistency_proof from audit_checkpoint where chain = ? and tree_size = ? "
					+ "and previous_size = ?",
					(rs, row) -> new ConsistencyProof(oldSize, newSize, HashList.split(rs.getString(1))),
					Chains.keyOf(tenant), newSize, oldSize)
			.stream()
			.findFirst();
	}

	private SignedCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
		String chain = rs.getString("chain");
		String tenant = chain.equals(Chains.SYSTEM) ? null : chain.substring(1);
		String note = rs.getString("note");
		Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(note).text());
		return new SignedCheckpoint(tenant, checkpoint, note,
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
