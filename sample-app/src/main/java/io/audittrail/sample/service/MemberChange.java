package io.audittrail.sample.service;

/**
 * A membership and its role, as returned by member operations.
 *
 * @param membership the membership or invitation
 * @param role the role it grants
 */
public record MemberChange(Membership membership, Role role) {

}
