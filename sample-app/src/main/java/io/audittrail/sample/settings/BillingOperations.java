package io.audittrail.sample.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.ConflictException;
import io.audittrail.sample.web.NotFoundException;

/**
 * The plan of a service and its payment information. Only the last four digits of a card
 * number are kept.
 */
@Service
@Transactional
public class BillingOperations {

	private final Services services;

	private final PaymentInfoRepository payments;

	private final ServicePlanRepository plans;

	public BillingOperations(Services services, PaymentInfoRepository payments, ServicePlanRepository plans) {
		this.services = services;
		this.payments = payments;
		this.plans = plans;
	}

	@Audited(value = "payment.add", entityId = "#result?.id", entityName = "#companyName")
	public PaymentInfo add(String serviceId, String companyName, String phoneNumber, String contactName, String email,
			String cardNumber, String method) {
		CmsService service = this.services.require(serviceId);
		if (this.payments.findByServiceRef(service.id).isPresent()) {
			throw new ConflictException("the service already has payment information");
		}
		PaymentInfo payment = new PaymentInfo();
		payment.serviceRef = service.id;
		payment.companyName = companyName;
		payment.phoneNumber = phoneNumber;
		payment.contactName = contactName;
		payment.email = email;
		payment.cardLast4 = (cardNumber != null) ? last4(cardNumber) : null;
		payment.method = method;
		return this.payments.save(payment);
	}

	@Audited(value = "payment.change_company_name", entityId = "#result?.id", entityName = "#companyName")
	public PaymentInfo changeCompanyName(String serviceId, String companyName) {
		return change(serviceId, (payment) -> payment.companyName = companyName);
	}

	@Audited(value = "payment.change_phone_number", entityId = "#result?.id", entityName = "#result?.companyName")
	public PaymentInfo changePhoneNumber(String serviceId, String phoneNumber) {
		return change(serviceId, (payment) -> payment.phoneNumber = phoneNumber);
	}

	@Audited(value = "payment.change_billing_contact_name", entityId = "#result?.id",
			entityName = "#result?.companyName")
	public PaymentInfo changeBillingContactName(String serviceId, String contactName) {
		return change(serviceId, (payment) -> payment.contactName = contactName);
	}

	@Audited(value = "payment.change_email", entityId = "#result?.id", entityName = "#result?.companyName",
			details = @Detail(name = "email", value = "#email"))
	public PaymentInfo changeEmail(String serviceId, String email) {
		return change(serviceId, (payment) -> payment.email = email);
	}

	@Audited(value = "payment.change_credit_card", entityId = "#result?.id", entityName = "#result?.companyName")
	public PaymentInfo changeCreditCard(String serviceId, String cardNumber) {
		return change(serviceId, (payment) -> payment.cardLast4 = last4(cardNumber));
	}

	@Audited(value = "payment.delete_credit_card", entityId = "#result?.id", entityName = "#result?.companyName")
	public PaymentInfo deleteCreditCard(String serviceId) {
		return change(serviceId, (payment) -> {
			if (payment.cardLast4 == null) {
				throw new ConflictException("the service has no credit card");
			}
			payment.cardLast4 = null;
		});
	}

	@Audited(value = "payment.change_payment_method", entityId = "#result?.id", entityName = "#result?.companyName")
	public PaymentInfo changePaymentMethod(String serviceId, String method) {
		return change(serviceId, (payment) -> payment.method = method);
	}

	@Audited(value = "plan.change", entityId = "#result?.id", entityName = "#plan")
	public ServicePlan changePlan(String serviceId, String plan) {
		ServicePlan current = plan(serviceId);
		if (plan.equals(current.plan)) {
			throw new ConflictException("the service is already on the " + plan + " plan");
		}
		current.plan = plan;
		return current;
	}

	@Audited(value = "plan.suspend", entityId = "#result?.id", entityName = "#result?.plan")
	public ServicePlan suspend(String serviceId) {
		ServicePlan plan = plan(serviceId);
		if (plan.suspended) {
			throw new ConflictException("the service is already suspended");
		}
		plan.suspended = true;
		return plan;
	}

	@Audited(value = "plan.resume", entityId = "#result?.id", entityName = "#result?.plan")
	public ServicePlan resume(String serviceId) {
		ServicePlan plan = plan(serviceId);
		if (!plan.suspended) {
			throw new ConflictException("the service is not suspended");
		}
		plan.suspended = false;
		return plan;
	}

	@Audited(value = "plan.add_addons", entityId = "#result?.id", entityName = "#result?.plan")
	public ServicePlan addAddon(String serviceId, String addon) {
		ServicePlan plan = plan(serviceId);
		List<String> addons = (plan.addons == null || plan.addons.isBlank()) ? new ArrayList<>()
				: new ArrayList<>(Arrays.asList(plan.addons.split(",")));
		if (addons.contains(addon)) {
			throw new ConflictException("the service already has the add-on " + addon);
		}
		addons.add(addon);
		plan.addons = String.join(",", addons);
		return plan;
	}

	private PaymentInfo change(String serviceId, Consumer<PaymentInfo> change) {
		PaymentInfo payment = this.payments.findByServiceRef(this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Payment information of service", serviceId));
		change.accept(payment);
		return payment;
	}

	private ServicePlan plan(String serviceId) {
		return this.plans.findByServiceRef(this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Plan of service", serviceId));
	}

	private static String last4(String cardNumber) {
		return cardNumber.substring(cardNumber.length() - 4);
	}

}
