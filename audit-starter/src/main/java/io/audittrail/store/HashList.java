package io.audittrail.store;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hashes kept in one column, such as a Merkle frontier or a proof: comma-separated hex.
 */
final class HashList {

	private static final HexFormat HEX = HexFormat.of();

	private HashList() {
	}

	static String join(List<byte[]> hashes) {
		return hashes.stream().map(HEX::formatHex).collect(Collectors.joining(","));
	}

	static List<byte[]> split(String hashes) {
		List<byte[]> parsed = new ArrayList<>();
		if (hashes != null && !hashes.isEmpty()) {
			for (String hash : hashes.split(",")) {
				parsed.add(HEX.parseHex(hash));
			}
		}
		return parsed;
	}

}
