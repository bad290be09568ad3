package io.audittrail.sample.service;

/** Whether a membership is in force or still an invitation. */
public enum MembershipStatus {

	ACTIVE, INVITED

}
