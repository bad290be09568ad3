package io.audittrail.adoption.mistakes;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A mapped superclass without Envers' {@code @Audited}: the mistake. */
@MappedSuperclass
public class Dated {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(name = "visit_date")
	private LocalDate date;

	public Integer getId() {
		return this.id;
	}

	public LocalDate getDate() {
		return this.date;
	}

}
