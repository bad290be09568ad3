package io.audittrail.sample.demo;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.audittrail.sample.service.CmsServiceRepository;
import io.audittrail.sample.service.Member;
import io.audittrail.sample.service.MemberOperations;
import io.audittrail.sample.service.MemberRepository;
import io.audittrail.sample.service.RoleRepository;
import io.audittrail.sample.service.ServiceOperations;

/**
 * Creates the demo services and members when the {@code demo} profile is active (the
 * default): service {@code demo} with an owner, an admin, an editor and a viewer, and
 * service {@code other} with its own owner, all with the password {@value #PASSWORD}.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "demo-password";

	private static final Log logger = LogFactory.getLog(DemoData.class);

	private final MemberRepository members;

	private final CmsServiceRepository services;

	private final RoleRepository roles;

	private final ServiceOperations serviceOperations;

	private final MemberOperations memberOperations;

	private final PasswordEncoder passwords;

	DemoData(MemberRepository members, CmsServiceRepository services, RoleRepository roles,
			ServiceOperations serviceOperations, MemberOperations memberOperations, PasswordEncoder passwords) {
		this.members = members;
		this.services = services;
		this.roles = roles;
		this.serviceOperations = serviceOperations;
		this.memberOperations = memberOperations;
		this.passwords = passwords;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.services.findByServiceId("demo").isEmpty()) {
			for (String email : new String[] { "owner@demo.test", "admin@demo.test", "editor@demo.test",
					"viewer@demo.test", "owner@other.test" }) {
				account(email);
			}
			this.serviceOperations.create("demo", "Demo", "owner@demo.test");
			member("demo", "admin@demo.test", "Admin");
			member("demo", "editor@demo.test", "Editor");
			member("demo", "viewer@demo.test", "Viewer");
			this.serviceOperations.create("other", "Other", "owner@other.test");
		}
		logger.warn("Demo profile: demo credentials exist. Service 'demo': owner@demo.test, admin@demo.test, "
				+ "editor@demo.test, viewer@demo.test; service 'other': owner@other.test; password '" + PASSWORD
				+ "'. Do not use the demo profile in production.");
	}

	private void account(String email) {
		if (this.members.findByEmail(email).isEmpty()) {
			Member member = new Member();
			member.email = email;
			member.name = email.substring(0, email.indexOf('@'));
			member.passwordHash = this.passwords.encode(PASSWORD);
			this.members.save(member);
		}
	}

	private void member(String serviceId, String email, String roleName) {
		Long serviceRef = this.services.findByServiceId(serviceId).orElseThrow().id;
		Long roleId = this.roles.findByServiceRefAndName(serviceRef, roleName).orElseThrow().id;
		this.memberOperations.add(serviceId, email, roleId);
	}

}
