package io.audittrail.adoption.mistakes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

/** An audited entity whose date comes from a mapped superclass that is not audited. */
@Entity
@Table(name = "visits")
@Audited
public class Visit extends Dated {

	@Column(name = "description")
	private String description;

	public String getDescription() {
		return this.description;
	}

}
