package io.audittrail.benchmarks.aspect;

import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;

/** The audit log's capture alone, with a store that keeps nothing and no database. */
@Configuration(proxyBeanMethods = false)
@ImportAspectAutoConfiguration
public class AspectApplication {

	static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AspectApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.level.root=warn")
			.run();
	}

	@Bean
	AuditEventStore discardingStore() {
		return (List<AuditEvent> events) -> {
		};
	}

	@Bean
	PricingService pricingService() {
		return new PricingService();
	}

}
