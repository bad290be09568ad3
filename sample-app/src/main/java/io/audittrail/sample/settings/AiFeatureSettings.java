package io.audittrail.sample.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.envers.Audited;

/**
 * Which AI features a service uses.
 */
@Entity
@Audited
public class AiFeatureSettings {

	@Id
	@GeneratedValue
	public Long id;

	public Long serviceRef;

	public boolean enabled;

	public boolean writingAssistant;

	public boolean translation;

}
