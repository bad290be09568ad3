package io.audittrail.sample.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * The billing details of a service; only the last four digits of a card are kept.
 */
@Entity
@Audited
public class PaymentInfo {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public String companyName;

	public String phoneNumber;

	public String contactName;

	public String email;

	public String cardLast4;

	public String method;

}
