package io.audittrail.capture;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;

/**
 * The compiled recording plan of one {@code @Audited} method: its operation and its
 * parsed expressions. Immutable and thread-safe; built once at start-up.
 */
final class AuditedMethod {

	private final Method method;

	private final String description;

	private final OperationDefinition fixedOperation;

	private final Expression operationExpression;

	private final String entityType;

	private final Expression entityId;

	private final Expression entityName;

	private final Map<String, Expression> details;

	private final Expression before;

	private final Expression tenant;

	private final Expression condition;

	private final boolean conditionReadsResult;

	private final Expression forEach;

	private final String[] parameterNames;

	private final BeanResolver beans;

	AuditedMethod(Method method, String description, OperationDefinition fixedOperation, Expression operationExpression,
			String entityType, Expression entityId, Expression entityName, Map<String, Expression> details,
			Expression before, Expression tenant, Expression condition, boolean conditionReadsResult,
			Expression forEach, String[] parameterNames, BeanResolver beans) {
		this.method = method;
		this.description = description;
		this.fixedOperation = fixedOperation;
		this.operationExpression = operationExpression;
		this.entityType = entityType;
		this.entityId = entityId;
		this.entityName = entityName;
		this.details = details;
		this.before = before;
		this.tenant = tenant;
		this.condition = condition;
		this.conditionReadsResult = conditionReadsResult;
		this.forEach = forEach;
		this.parameterNames = parameterNames;
		this.beans = beans;
	}

	Method method() {
		return this.method;
	}

	String description() {
		return this.description;
	}

	/** Evaluates the {@code before} expression, before the call. */
	Object evaluateBefore(Object[] arguments) {
		if (this.before == null) {
			return null;
		}
		return evaluate(this.before, context(arguments, null, null, null), "before");
	}

	/** Whether the annotation names the tenant of the operation. */
	boolean namesTenant() {
		return this.tenant != null;
	}

	/** Evaluates the {@code tenant} expression, before the call. */
	String evaluateTenant(Object[] arguments, Object before) {
		return text(this.tenant, context(arguments, before, null, null), "tenant");
	}

	/** Whether the call should be recorded. */
	boolean shouldRecord(Object[] arguments, Object before, Object result, boolean failed) {
		if (this.condition == null || (failed && this.conditionReadsResult)) {
			return true;
		}
		return Boolean.TRUE.equals(evaluate(this.condition, context(arguments, before, result, null), "condition"));
	}

	/**
	 * The items the call acted on: one {@code null} item, or the elements of
	 * {@code forEach}.
	 */
	List<Object> items(Object[] arguments, Object before, Object result) {
		if (this.forEach == null) {
			return Collections.singletonList(null);
		}
		Object value = evaluate(this.forEach, context(arguments, before, result, null), "forEach");
		List<Object> items = new ArrayList<>();
		if (value instanceof Iterable<?> iterable) {
			iterable.forEach(items::add);
		}
		else if (value != null && value.getClass().isArray()) {
			for (int i = 0; i < Array.getLength(value); i++) {
				items.add(Array.get(value, i));
			}
		}
		else if (value != null) {
			items.add(value);
		}
		return items;
	}

	/** Evaluates everything an event needs for one item. */
	Evaluation evaluate(OperationCatalog catalog, Object[] arguments, Object before, Object result, Object item) {
		return evaluate(catalog, arguments, before, result, item, null);
	}

	/**
	 * Evaluates what an event of a failed call needs for one item, leaving out the
	 * expressions that cannot be evaluated, such as those that read the result the call
	 * did not return; only the operation is needed.
	 * @param unevaluated where the attributes left out are added, with their errors
	 */
	Evaluation evaluateFailure(OperationCatalog catalog, Object[] arguments, Object before, Object item,
			List<String> unevaluated) {
		return evaluate(catalog, arguments, before, null, item, unevaluated);
	}

	private Evaluation evaluate(OperationCatalog catalog, Object[] arguments, Object before, Object result, Object item,
			List<String> unevaluated) {
		EvaluationContext context = context(arguments, before, result, item);
		OperationDefinition operation = this.fixedOperation;
		if (operation == null) {
			Object id = evaluate(this.operationExpression, context, "value");
			operation = catalog.find(String.valueOf(id))
				.orElseThrow(() -> new AuditRecordingException(
						"Operation id '" + id + "' computed for " + this.description + " is not in the audit catalog",
						null));
		}
		String entityType = !this.entityType.isEmpty() ? this.entityType : catalog.entityTypeOf(operation.target());
		String id = text(this.entityId, context, "entityId", unevaluated);
		String name = text(this.entityName, context, "entityName", unevaluated);
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, Expression> detail : this.details.entrySet()) {
			String value = text(detail.getValue(), context, "details." + detail.getKey(), unevaluated);
			if (value != null) {
				values.put(detail.getKey(), value);
			}
		}
		return new Evaluation(operation, entityType, id, name, values);
	}

	private String text(Expression expression, EvaluationContext context, String attribute, List<String> unevaluated) {
		if (unevaluated == null) {
			return text(expression, context, attribute);
		}
		try {
			return text(expression, context, attribute);
		}
		catch (RuntimeException ex) {
			unevaluated.add(attribute);
			return null;
		}
	}

	private EvaluationContext context(Object[] arguments, Object before, Object result, Object item) {
		StandardEvaluationContext context = new StandardEvaluationContext();
		if (this.beans != null) {
			context.setBeanResolver(this.beans);
		}
		for (int i = 0; i < arguments.length; i++) {
			if (this.parameterNames != null && i < this.parameterNames.length) {
				context.setVariable(this.parameterNames[i], arguments[i]);
			}
			context.setVariable("p" + i, arguments[i]);
		}
		context.setVariable("args", arguments);
		context.setVariable("before", before);
		context.setVariable("result", result);
		context.setVariable("item", item);
		return context;
	}

	private String text(Expression expression, EvaluationContext context, String attribute) {
		if (expression == null) {
			return null;
		}
		return asText(evaluate(expression, context, attribute));
	}

	private Object evaluate(Expression expression, EvaluationContext context, String attribute) {
		try {
			return expression.getValue(context);
		}
		catch (EvaluationException ex) {
			throw new AuditRecordingException("Cannot evaluate '" + expression.getExpressionString() + "' (" + attribute
					+ ") of @Audited on " + this.description + ": " + ex.getMessage(), ex);
		}
	}

	static String asText(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof TemporalAccessor) {
			return value.toString();
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(AuditedMethod::asText).collect(Collectors.joining(", "));
		}
		return value.toString();
	}

	/** What an event of this method records for one item. */
	record Evaluation(OperationDefinition operation, String entityType, String entityId, String entityName,
			Map<String, String> details) {

	}

}
