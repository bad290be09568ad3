package io.audittrail.capture.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of trusted proxy addresses and CIDR ranges, such as {@code 10.0.0.0/8} or
 * {@code ::1}. Only literal addresses are accepted, so that matching never triggers a DNS
 * look-up.
 */
final class TrustedProxies {

	private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

	private final List<Range> ranges = new ArrayList<>();

	TrustedProxies(List<String> entries) {
		for (String entry : entries) {
			String[] parts = entry.trim().split("/", 2);
			InetAddress address = parse(parts[0]);
			if (address == null) {
				throw new IllegalArgumentException(
						"audit.web.trusted-proxies: '" + entry + "' is not an IP address or CIDR range");
			}
			int bits = address.getAddress().length * 8;
			int prefix = bits;
			if (parts.length == 2) {
				try {
					prefix = Integer.parseInt(parts[1]);
				}
				catch (NumberFormatException ex) {
					prefix = -1;
				}
				if (prefix < 0 || prefix > bits) {
					throw new IllegalArgumentException(
							"audit.web.trusted-proxies: '" + entry + "' has an invalid prefix length");
				}
			}
			this.ranges
				.add(new Range(address.getAddress().length, new BigInteger(1, address.getAddress()), bits, prefix));
		}
	}

	boolean contains(String value) {
		if (this.ranges.isEmpty() || value == null) {
			return false;
		}
		InetAddress address = parse(value.trim());
		if (address == null) {
			return false;
		}
		BigInteger number = new BigInteger(1, address.getAddress());
		for (Range range : this.ranges) {
			if (range.length() == address.getAddress().length && number.shiftRight(range.bits() - range.prefix())
				.equals(range.network().shiftRight(range.bits() - range.prefix()))) {
				return true;
			}
		}
		return false;
	}

	private static InetAddress parse(String value) {
		if (value.isEmpty() || !LITERAL.matcher(value).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Range(int length, BigInteger network, int bits, int prefix) {

	}

}
