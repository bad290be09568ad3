package io.audittrail.benchmarks.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.envers.Audited;

/** A child of the written entity graph. */
@Entity
@Audited
public class InvoiceLine {

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private Invoice invoice;

	private String product;

	private int quantity;

	protected InvoiceLine() {
	}

	public InvoiceLine(String product, int quantity) {
		this.product = product;
		this.quantity = quantity;
	}

	public Long getId() {
		return this.id;
	}

	public Invoice getInvoice() {
		return this.invoice;
	}

	void setInvoice(Invoice invoice) {
		this.invoice = invoice;
	}

	public String getProduct() {
		return this.product;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

}
