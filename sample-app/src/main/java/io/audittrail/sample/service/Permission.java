package io.audittrail.sample.service;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a role allows within one service. Each permission is a granted authority, named as
 * in {@link #authority()}, while a member acts on that service.
 */
public enum Permission {

	/** Change the service's settings, environments and integrations, or delete it. */
	MANAGE_SERVICE("manageService"),

	/** Add, invite and remove members, and manage roles. */
	MANAGE_MEMBERS("manageMembers"),

	/** Manage APIs, their fields and statuses, API keys and webhooks. */
	MANAGE_APIS("manageApis"),

	/** Create and change contents, media and reviews. */
	EDIT_CONTENTS("editContents"),

	/** Change the plan and the payment information. */
	MANAGE_BILLING("manageBilling"),

	/** Read the audit log. */
	VIEW_AUDIT_LOG("viewAuditLog"),

	/** Revert changes from the audit log. */
	REVERT_AUDIT_LOG("revertAuditLog");

	/** The authority every member of the service holds, whatever their role. */
	public static final String MEMBER = "member";

	private final String authority;

	Permission(String authority) {
		this.authority = authority;
	}

	public String authority() {
		return this.authority;
	}

	/** The permission with the given authority name, if there is one. */
	public static Optional<Permission> of(String authority) {
		return Arrays.stream(values()).filter((p) -> p.authority.equals(authority)).findFirst();
	}

	/** Everything but billing: what the built-in Admin role holds. */
	static Set<Permission> admin() {
		return EnumSet.complementOf(EnumSet.of(MANAGE_BILLING));
	}

}
