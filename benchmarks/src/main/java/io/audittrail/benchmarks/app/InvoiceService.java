package io.audittrail.benchmarks.app;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;

/**
 * The benchmarked writes, the same code in every mode: {@code @Audited} is inert when the
 * audit log is off, and the change recorder records nothing unless JaVers is on.
 */
@Service
public class InvoiceService {

	private final InvoiceRepository invoices;

	private final ChangeRecorder recorder;

	public InvoiceService(InvoiceRepository invoices, ChangeRecorder recorder) {
		this.invoices = invoices;
		this.recorder = recorder;
	}

	/** Creates an invoice with {@code size - 1} lines: {@code size} entities. */
	@Transactional
	@Audited(value = "invoice.create", entityId = "#result", details = @Detail(name = "lines", value = "#size - 1"))
	public Long create(int size) {
		Invoice invoice = new Invoice("customer", "DRAFT");
		for (int i = 1; i < size; i++) {
			invoice.addLine(new InvoiceLine("product " + i, i));
		}
		this.invoices.save(invoice);
		this.recorder.saved(invoice);
		return invoice.getId();
	}

	/** Changes the invoice and each of its lines. */
	@Transactional
	@Audited(value = "invoice.update", entityId = "#id")
	public void update(Long id, int round) {
		Invoice invoice = this.invoices.findWithLines(id).orElseThrow();
		invoice.setStatus("ROUND " + round);
		invoice.getLines().forEach((line) -> line.setQuantity(round));
		this.recorder.saved(invoice);
	}

	/** Deletes the invoice and its lines. */
	@Transactional
	@Audited(value = "invoice.delete", entityId = "#id")
	public void delete(Long id) {
		Invoice invoice = this.invoices.findWithLines(id).orElseThrow();
		this.invoices.delete(invoice);
		this.recorder.deleted(invoice);
	}

}
