package io.audittrail.benchmarks.app;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import org.hibernate.envers.Audited;

/** The root of the written entity graph. */
@Entity
@Audited
public class Invoice {

	@Id
	@GeneratedValue
	private Long id;

	private String customer;

	private String status;

	@OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<InvoiceLine> lines = new ArrayList<>();

	protected Invoice() {
	}

	public Invoice(String customer, String status) {
		this.customer = customer;
		this.status = status;
	}

	public Long getId() {
		return this.id;
	}

	public String getCustomer() {
		return this.customer;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public List<InvoiceLine> getLines() {
		return this.lines;
	}

	public void addLine(InvoiceLine line) {
		line.setInvoice(this);
		this.lines.add(line);
	}

}
